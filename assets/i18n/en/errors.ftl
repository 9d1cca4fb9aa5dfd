# Errors of opening, saving, exporting, merging and learning, as the window shows them. The command line
# stays English (its texts are in the code).

io-not-found = no such file or folder
io-permission-denied = permission denied
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-directory = it is a folder

error-load-not-found = { $path }: no such file. Check the path and try again.
error-load-directory = { $path }: is a directory, not an article file. Choose a .txt, .md or .html file inside it.
error-load-unreadable = { $path }: cannot be read ({ $reason }). Check that the file exists and that you may read it.
error-load-too-large = { $path }: is { $size } bytes, more than the { $limit } byte limit for one article. Split it into smaller files.
error-load-empty = { $path }: is empty (no text after removing markup and whitespace). Open a file with article text.
error-load-nested = { $path }: the HTML nests about { $depth } elements deep (the limit is { $limit }); this is not a normal web page. Save the article again from the browser, or copy its text into a .txt file.
error-load-too-complex = { $path }: reading this HTML took longer than { $seconds } s; it is built to make HTML parsers work without end, not a normal web page. Save the article again from the browser, or copy its text into a .txt file.
error-load-binary-kind = { $path }: is a { $kind } file, not text. Open a .txt, .md or .html article instead.
error-load-binary = { $path }: contains binary data (at byte { $offset }), not text. Open a .txt, .md or .html article instead.
error-load-broken-utf8 = { $path }: is not valid UTF-8: the bytes at offset { $offset } are broken, although the rest of the file is UTF-8. The file is probably damaged; re-save it as UTF-8 in your editor.
error-load-pdf = { $path }: cannot be read as a PDF ({ $reason }). Open it in a PDF viewer, copy the text into a .txt file and open that.
error-load-scanned-pdf = { $path }: the PDF has { $pages ->
    [one] one page
   *[other] { $pages } pages
} but no text layer (a scan?). Run it through OCR (e.g. ocrmypdf) and open the result.

error-fetch-bad-address = { $url }: not a web address ({ $reason }). Give a full address such as https://example.org/article.
error-fetch-scheme = { $url }: claimdesk opens only http and https addresses, not “{ $scheme }:”. Save the page and open the file instead.
error-fetch-host = { $url }: the host “{ $host }” was not found. Check the address and your network connection.
error-fetch-unreachable = { $url }: the server refused the connection or could not be reached. Check the address, or try again later.
error-fetch-timeout = { $url }: no complete answer within { $seconds } seconds. The server is too slow or not answering; try again later.
error-fetch-tls = { $url }: the secure connection failed ({ $detail }). The site's certificate may be invalid; nothing was loaded.
error-fetch-status = { $url }: the server answered { $status }{ $reason }. Check the address; nothing was loaded.
error-fetch-redirects = { $url }: more than { $max } redirects (a redirect loop?). Open the page in a browser and copy its final address.
error-fetch-bad-redirect = { $url }: the server redirected to an address claimdesk cannot open ({ $detail }).
error-fetch-too-large = { $url }: the page is larger than { $limit } bytes, more than one article; nothing was loaded. Save the article's text and open that.
error-fetch-not-text = { $url }: is { $mime_type }, not an article (claimdesk reads HTML, text, Markdown and PDF).
error-fetch-cancelled = { $url }: download cancelled.
error-fetch-failed = { $url }: the download failed ({ $detail }). Try again, or save the page and open the file.

error-store-read = { $path }: reading failed ({ $reason }). Check the path, free space and permissions.
error-store-write = { $path }: writing failed ({ $reason }). Check the path, free space and permissions.
error-store-json = { $path }: is not a valid review file ({ $reason }). The file may be truncated or damaged; open a backup or the article itself.
error-store-format = { $path }: is not a claimdesk review (format is { $found }, expected "claimdesk-review"). Open the article to start a new review.
error-store-newer = { $path }: was written by a newer claimdesk (file version { $version }, this build reads up to { $supported }). Update claimdesk to open it.
error-store-too-large = { $path }: is larger than { $limit } bytes, which no review is. Check that this is the review file you meant.
error-store-invalid = { $path }: { $reason }. The file was edited or damaged outside claimdesk; open a backup or the article itself.
error-store-link-leaves-desk = { $path }: is a link to { $target }, outside the desk { $desk }; claimdesk does not write through it. Replace the link by the review file itself.

error-export-json = could not write the JSON export ({ $reason }).
error-export-csv = could not write the CSV export ({ $reason }).

error-merge-different-articles = the review on disk is of a different article (its text has checksum { $found }, not { $expected }); only reviews of the same article can be merged.
error-merge-different-sources = the reviews are of different article files ({ $ours } and { $theirs }); only reviews of the same article can be merged.

error-edit-no-claim = there is no claim { $id }.
error-edit-duplicate-claim = a claim { $id } exists already.
error-edit-bad-span = the span { $start }..{ $end } does not fit the article text.
error-edit-bad-url = only http and https links can be evidence: { $url }
error-edit-duplicate-evidence = { $url } is already evidence for this claim.
error-edit-no-evidence = claim { $id } has no evidence link number { $number }.
error-edit-no-verdict-to-approve = { $id } has no verdict to approve.
error-edit-approver-unknown = approving needs your name: set it in View › Your reviewer name….
error-edit-own-verdict = { $name } set this verdict; a second reviewer must approve it.
error-edit-no-conflict = claim { $id } has no conflict number { $number }.

error-model-read = { $path }: cannot be read ({ $reason }). Check the path.
error-model-invalid = { $path }: not a claimdesk model ({ $reason }). Train one with “claimdesk train”.

error-train-read = { $path }: cannot be read ({ $reason }).
error-train-line = { $path }: line { $line }: { $reason }.
error-train-write = { $path }: the model cannot be written ({ $reason }). Check that the folder exists and is writable.
error-train-too-few = { $what }: { $positives } check-worthy and { $negatives } other decisions; learning needs at least 10 of each.

error-memory-read = { $path }: cannot be read ({ $reason }). Check the path and permissions.
error-memory-json = { $path }: line { $line }, column { $column }: not valid JSON ({ $reason }). Nothing was imported from this file.
error-memory-field = { $path }: line { $line }: { $reason }. Nothing was imported from this file.
error-memory-too-large = { $path }: is larger than { $limit } bytes; split it and import the parts.
error-memory-none = { $path }: no ClaimReview found (expected schema.org ClaimReview objects: one, an array, a @graph, a DataFeed or JSON Lines).
error-memory-index = the claim memory's index { $path }: { $reason }

# A bug in claimdesk or input it did not foresee: the open review stays as it was.
error-failed-loading = claimdesk failed while loading { $path }: { $reason }. Nothing was lost: the open review is unchanged. Please report this, with the file if you can share it.
error-failed-extracting = claimdesk failed while finding the claims of { $path }: { $reason }. Nothing was lost: the open review is unchanged. Please report this, with the file if you can share it.
error-failed-saving = claimdesk failed while saving { $path }: { $reason }. Nothing was lost: the open review is unchanged. Please report this, with the file if you can share it.
error-load-stopped = { $path }: loading stopped unexpectedly.
error-lookup-stopped = the lookup stopped unexpectedly
error-lookup-failed = the memory lookup failed (a bug); the review is unaffected

# Read all the same, but worth knowing.
warning-legacy-encoding = { $path }: not UTF-8; read as { $encoding }.
warning-unknown-language = { $path }: the language is neither German nor English; claims are found with generic rules. Start claimdesk with --lang de or --lang en if that is wrong.

# The sentence encoder (memory and extraction use it; without it they work with words only).
error-encoder-not-found = the sentence encoder's model file { $file } was not found (looked in { $looked }); matching uses words only. Reinstall claimdesk, or set CLAIMDESK_ENCODER_MODEL to the file.
error-encoder-read = { $path }: the sentence encoder's model cannot be read ({ $reason }); matching uses words only.
error-encoder-checksum = { $path }: the sentence encoder's model is damaged (SHA-256 { $found }, expected { $expected }); matching uses words only. Reinstall claimdesk or rebuild the file with scripts/encoder/build-model.py.
error-encoder-damaged = the sentence encoder's model is damaged: { $reason }; matching uses words only.
error-memory-other-model = { $path }: its vectors come from the model { $theirs }, this claimdesk's is { $ours }. Nothing was imported from this file; import it with --recompute-vectors to compute them here.
error-memory-vectors = the claim memory's vectors { $path }: { $reason }. They are computed again from the claims; check the folder's permissions and free space.
