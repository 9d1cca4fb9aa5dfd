# The window, in English: menus, panels, dialogs, status messages, the shortcut help and tooltips.

## Commands: menus, the shortcut help and tooltips

command-open = Open…
command-open-path = Open path…
command-open-folder = Open folder (desk)…
command-open-address = Open web address…
command-cancel-download = Cancel the download
command-train-desk-model = Learn check-worthiness from this desk's decisions
command-show-desk = Desk / article
command-open-article = Open the selected article
command-next-article = Next article
command-previous-article = Previous article
command-next-pending-article = Next article with pending claims
command-save = Save review
command-save-as = Save review as…
command-export = Export…
command-quit = Quit
command-undo = Undo
command-redo = Redo
command-next-claim = Next claim
command-previous-claim = Previous claim
command-next-pending = Next pending claim
command-confirm = Mark confirmed
command-deny = Mark denied
command-mark-unverified = Mark unverified
command-mark-pending = Back to pending
command-edit-note = Edit note
command-add-evidence = Add evidence link
command-add-claim = Add claim from selection
command-set-span-from-selection = Set claim span to selection
command-remove-claim = Remove claim
command-adopt-earlier-verdict = Adopt the earlier verdict (checked before)
command-approve = Approve the verdict (second reviewer)
command-keep-ours = Merge conflict: keep ours
command-take-theirs = Merge conflict: take theirs
command-set-reviewer-name = Your reviewer name…
command-find = Search claims
command-toggle-advance = Jump to next pending after a verdict
command-toggle-sort = Sort by score / position
command-zoom-in = Larger text
command-zoom-out = Smaller text
command-show-help = Keyboard shortcuts
command-open-german-sample = German sample article
command-open-english-sample = English sample article

## Menus

menu-file = File
menu-open-recent = Open recent
menu-no-recent-files = No recent files
menu-open-sample = Open sample
menu-edit = Edit
menu-view = View
menu-help = Help
menu-language = Language
menu-language-system = Follow the system
menu-language-de = Deutsch
menu-language-en = English
menu-theme = Theme
theme-system = Follow the system
theme-light = Light
theme-dark = Dark

## Verdicts in the window

ui-verdict-confirmed = confirmed
ui-verdict-denied = denied
ui-verdict-unverified = unverified
ui-verdict-pending = pending

## The status bar and status messages

status-sample-opened = Sample article opened. Open your own with Ctrl+O, or drop a file on the window.
status-last-article-gone = { $path } is no longer there; open an article with Ctrl+O or a folder with File › Open folder.
status-all-reviewed = Every claim has a verdict. Save with Ctrl+S.
status-not-changed-opening = Not changed: { $path } is opening and will replace this review.
status-not-changed = Not changed: { $error }.
status-no-earlier-verdict = No earlier check states the fact of { $id }: there is no verdict to adopt.
status-already-adopted = { $id } already carries the earlier verdict.
status-note-for-judged = Note for { $id }, the claim just judged (J moves on).
status-adopted = { $id }: adopted “{ $verdict }” from { $source }. Ctrl+Z undoes it.
status-adopted-inverse = { $id }: says the opposite of a check by { $source }, so it is “{ $verdict }”. Ctrl+Z undoes it.
status-opposite-not-adopted = { $id } says the opposite of a claim checked as “{ $verdict }”; the opposite of that is not known, so no verdict was adopted.
status-open-article-first = Open an article (Enter) to give verdicts.
status-select-claim-first = Select a claim first (J/K or click it).
status-no-desk = No desk is open: File › Open folder opens one.
status-no-conflict = The selected claim has no merge conflict.
status-advance = { $state ->
    [on] Jump to the next pending claim after a verdict: on.
   *[off] Jump to the next pending claim after a verdict: off.
}
status-nothing-to-undo = Nothing to undo.
status-nothing-to-redo = Nothing to redo.
status-undid = Undid: { $edit }.
status-redid = Redid: { $edit }.
status-select-text-first = Select text in the article (drag with the mouse) or click into a sentence, then press A.
status-already-a-claim = That text is a claim already.
status-claim-added = Claim added. Undo with Ctrl+Z.
status-select-claim-and-text = Select a claim, then select the text it should cover in the article, then press Shift+A.
status-span-adjusted = Claim span adjusted. Undo with Ctrl+Z.
status-claim-removed = Claim removed. Undo with Ctrl+Z.
status-downloading = Downloading { $address }…
button-cancel-download = Cancel download
status-extracting = Extracting claims from { $path }…
status-unsaved-changes = unsaved changes
status-saved = saved
status-no-review-file = no review file yet
status-reviewer-not-set = reviewer: not set
status-reviewer = reviewer: { $name }
status-reviewed = { $reviewed } / { $total } reviewed
error-add-claim = Could not add the claim
error-change-claim = Could not change the claim
dialog-address-note = Paste or type an http or https address. The page is downloaded once; the review keeps its text and never fetches it again.

## What undo and redo name

edit-verdict = verdict of { $id } ({ $verdict })
edit-note = note of { $id }
edit-speaker = speaker of { $id }
edit-evidence = evidence of { $id }
edit-added-claim = added claim { $id }
edit-removed-claim = removed claim { $id }
edit-changes = changes to { $id }
edit-approval = approval of { $id }
edit-conflict = conflict of { $id }

## Dialogs

dialog-unsaved-title = Unsaved changes
dialog-unsaved-text = The review has changes that are not saved. Save them first?
button-save = Save
button-discard-changes = Discard changes
button-cancel = Cancel
button-ok = OK
button-browse = Browse…
tooltip-browse = Use the system file dialog
dialog-open-file = Open a file
dialog-open-folder = Open a folder of articles (a desk)
dialog-save-as = Save the review as
dialog-export-to = Export to
dialog-open-address = Open a web address
hint-address = https://example.org/article
hint-path = /path/to/file or https://…
field-web-address = Web address
field-path = Path
dialog-resume-title = A review of this article exists
dialog-resume-text = { $path } is beside the article. Resume it, or start a new review?
button-resume-review = Resume review
button-new-review = Start a new review
dialog-recover-title = Recover unsaved work?
dialog-recover-text = claimdesk was closed with unsaved changes. Recovery copies were kept:
dialog-recover-copy = { $target } (saved { $written })
button-restore = Restore
button-discard = Discard
button-decide-later = Decide later
dialog-export-title = Export the review
field-reviewer-organisation = Reviewer (organisation)
hint-reviewer-organisation = your desk or newsroom (left out of exports when empty)
field-reviewer = Reviewer
field-reviewer-site-optional = Reviewer web site (optional)
field-reviewer-site = Reviewer web site
field-approved-only = Approved verdicts only (four eyes)
field-training-examples = Name claimdesk’s example sentences among the reasons
report-language-as-article = as the article ({ $code })
field-report-language = Report language
field-file = File
field-export-file = Export file
button-export = Export
dialog-replace-title = Replace the existing file?
dialog-replace-text = { $path } exists already. Saving replaces it with this review.
button-replace = Replace
dialog-reviewer-title = Who is reviewing?
dialog-reviewer-text = Your name is recorded with every verdict, note and approval, so the desk can say who decided what. A second reviewer approves verdicts under their own name.
dialog-reviewer-offered = The name comes from this computer’s account. Press Enter to use it, or click the field to change it.
dialog-reviewer-held = { $count ->
    [one] One key you pressed waits for the review and acts when this dialog closes.
   *[other] { $count } keys you pressed wait for the review and act when this dialog closes.
}
field-your-name = Your name
button-later = Later
status-recovered = Recovered unsaved work. Save it with Ctrl+S.
status-reviewing-as = Reviewing as { $name }.
help-title = Keyboard shortcuts
help-single-keys = Single-letter keys work when no text field has the cursor; Esc leaves a text field.
help-or = {"  "}or{"  "}
listing-in = In { $folder }
button-up = ⬆ Up
tooltip-up = The folder above
listing-no-folders = No folders here.
listing-no-entries = No folders or articles here (.txt, .md, .html, .pdf, .review.json).
listing-no-match = No folder or article here starts with “{ $name }”.
listing-truncated = Only the first { $count } entries are listed: type more of the name.
listing-tab-hint = Tab completes the name; a folder opens in the list.

## The inspector

inspector-no-claim = No claim selected. Press J to select the first one.
inspector-claim = Claim { $id }
inspector-added-by-hand = added by hand
inspector-verdict = Verdict
inspector-speaker-source = Speaker / source
inspector-speaker-inferred = inferred from the context, not named in this sentence
button-confirm-speaker = Confirm
tooltip-confirm-speaker = The speaker is right: exports name it (until then they leave an inferred speaker out).
field-speaker = Speaker
unknown = unknown
unknown-reviewer = unknown reviewer
inspector-note = Note ({ $shortcut })
hint-note = What you found, and how
field-note = Note
inspector-evidence = Evidence
tooltip-remove-link = Remove this link
tooltip-open-in-browser = Open in the browser
field-evidence-link = Evidence link
button-add = Add
status-evidence-web-only = Only http:// and https:// links can be evidence.
inspector-check-worthiness = Check-worthiness { $score }
inspector-hedges = Hedges
inspector-history = History ({ $count })
button-remove-claim = Remove claim (Del)
four-eyes-approved = Set by { $by } · approved by { $approver } ({ $date })
four-eyes-awaiting = Set by { $by } · awaiting approval
four-eyes-hint = (V: approve as a second reviewer)
conflicts-title = Merge conflicts ({ $count })
conflict-removed = (removed / none)
conflict-ours = ours: { $value } ({ $by })
conflict-theirs = theirs: { $value } ({ $by })
button-keep-ours = Keep ours (O)
button-take-theirs = Take theirs (T)
checked-before-title = Checked before ({ $count })
checked-before-no-desk = Open an article from a folder to compare it with earlier checks.
checked-before-running = Looking in the desk's memory…
checked-before-embedding = Computing the meaning of the memory's claims…
tooltip-cancel-embedding = Stop: what is computed is kept; the rest is compared by words meanwhile and computed later
checked-before-nothing = Nothing like it among { $size ->
    [one] the 1 earlier checked claim
   *[other] { $size } earlier checked claims
} of this desk.
checked-before-failed = The memory could not be read: { $message }
checked-before-note = Checked before ({ $verdict }): { $source }
checked-before-note-opposite = Says the opposite of a claim checked before ({ $verdict }): { $source }
checked-before-note-rating = rated “{ $rating }”
checked-before-note-text = “{ $text }”
relation-same = same fact
similarity-in-words = { $level ->
    [high] nearly identical
    [medium] close
   *[low] loosely similar
} · { $percent } %
tooltip-similarity = How closely the two statements match in meaning and words — not how likely either is to be true.
relation-opposite = says the opposite of a checked claim
relation-related = related
button-adopt-verdict = Adopt this verdict ({ $shortcut })
tooltip-adopt-verdict = Sets the same verdict and cites this check in the note

## The claim list and the article

hint-search-claims = Search claims (Ctrl+F)
tooltip-search-claims = Search claim text, speaker and note
field-search-claims = Search claims
filter-pending = pending
filter-confirmed = confirmed
filter-denied = denied
filter-unverified = unverified
sort-label = Sort:
sort-position = position
sort-score = score
claims-none-found = No claims found. Select text in the article and press A to add one.
claims-none-match = No claim matches the search and filter.
row-checked-before = checked before: { $verdict }
row-opposite-of-checked = opposite of a claim checked { $verdict }
row-merge-conflict = merge conflict
orphaned-title = Orphaned claims ({ $count }): no longer in the article
orphaned-note = Note: { $note }
article-empty = Open an article with Ctrl+O, or drop a .txt, .md or .html file here.
article-header = { $source } · { $language } · { $claims ->
    [one] 1 claim
   *[other] { $claims } claims
}
article-by = · by { $author }
article-published = · published { $date }
article-downloaded = · downloaded { $date }
article-sample = · bundled sample: open your own article with Ctrl+O or drop a file here
article-hint = Click a highlight to select its claim. Drag over text, then A adds it as a claim (Shift+A sets the selected claim to it).

## Opening, saving, exporting and the desk

status-train-no-desk = No desk is open: File › Open folder opens one, then its decisions can be learned from.
status-desk-model-trained = Desk model trained on { $decisions ->
    [one] 1 decision
   *[other] { $decisions } decisions
} and saved to { $path }. Held out: { $held_out } (shipped model: F1 { $shipped_f1 }).
status-learning = Learning from the desk's decisions…
status-download-cancelled = Download of { $address } cancelled; nothing was loaded.
status-opening = Opening { $path }…
status-desk-opened = Desk { $path }: { $articles ->
    [one] 1 article
   *[other] { $articles } articles
}. Enter opens the selected one; Ctrl+D switches between desk and article.
status-copies-merged = { $merged ->
    [0] {""}
    [one] Merged one conflicted copy from a sync client into its review (the copy is in .claimdesk/merged-copies).
   *[other] Merged { $merged } conflicted copies from sync clients into their reviews (the copies are in .claimdesk/merged-copies).
}{ $conflicts ->
    [0] {""}
   *[other] {" "}{ $conflicts } conflicting fields wait for you (O ours, T theirs).
}{ $refused ->
    [0] {""}
   *[other] {" "}{ $refused } copies were not merged: see claimdesk status.
}
status-navigation-needs-desk = Open a folder first (File › Open folder): article navigation needs a desk.
status-no-further-pending-article = No further article with pending claims on this desk.
status-no-further-article = No further article on this desk.
error-open-sample = Could not open the sample
status-merge-conflicts = Merge conflicts in { $count ->
    [one] 1 claim
   *[other] { $count } claims
}: { $claims }. O keeps ours, T takes theirs (Ctrl+Z undoes).
error-learn-from-desk = Could not learn from the desk
error-open-address = Could not open the address
error-open-file = Could not open the file
error-article-changed = The article changed
status-resumed = Resumed { $path } ({ $count ->
    [one] 1 claim
   *[other] { $count } claims
}).
status-claims-found = { $count ->
    [0] No claims found
    [one] 1 claim found
   *[other] { $count } claims found
} in { $path }.
status-no-file-dialog = No system file dialog is available (install xdg-desktop-portal or zenity). Type the path instead.
status-exported = Exported { $format } to { $path }{ $skipped ->
    [0] {""}
   *[other] {" "}({ $skipped } pending claims left out)
}.
error-export = Could not export
error-review-changed-on-disk = The review file changed on disk
error-review-changed-text = { $path } was changed by someone else since you opened it, and the two cannot be merged ({ $reason }). Nothing was overwritten: save your version under another name (Ctrl+Shift+S) and compare.
status-saved-merged = { $path } had been changed by someone else: their changes and yours are merged and saved.
status-saved-merged-conflicts = { $path } had been changed by someone else: merged and saved with { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
} — select the marked claims and press O (ours) or T (theirs).
status-saved-file = Saved { $path }.
error-save = Could not save
status-recovery-not-written = Recovery copy not written: { $error }

## The desk

desk-column-title = Title
desk-column-file = File
desk-column-language = Lang.
desk-column-published = Published
desk-column-claims = Claims
desk-column-pending = Pending
desk-column-progress = Progress
desk-column-saved = Last saved
desk-heading = Desk: { $path }
desk-totals = { $articles ->
    [one] 1 article
   *[other] { $articles } articles
} · { $claims ->
    [one] 1 claim
   *[other] { $claims } claims
} · { $confirmed } confirmed · { $denied } denied · { $unverified } unverified · { $pending } pending
desk-extracting = Extracting { $count ->
    [one] 1 article without a review
   *[other] { $count } articles without a review
}…
desk-reading = Reading the reviews…
desk-search-nothing = Nothing found for “{ $query }”, by words or by meaning.
desk-filter-hint = Filter by title or file (Ctrl+F)
desk-filter-field = Filter articles
desk-language = language
desk-all-languages = all languages
desk-has-pending = has pending
desk-search-hint = Search claims, speakers, verdicts
desk-search-field = Search the desk
desk-search-button = Search
desk-search-meaning-running = searching by meaning … { $done } of { $total ->
    [one] 1 claim
   *[other] { $total } claims
} read
desk-search-by-meaning = by meaning, { $percent } %
desk-search-hits = { $count ->
    [0] Nothing found
    [one] 1 claim found
   *[other] { $count } claims found
} (Enter in the search field searches again):
desk-sort-tooltip = Sort by this column
desk-error = error
desk-no-review = no review

## The system file dialog

file-filter-articles = Articles and reviews
file-filter-all = All files
file-filter-review = claimdesk review
file-dialog-open = Open an article or review
file-dialog-save = Save review
file-dialog-export = Export review
file-dialog-folder = Open a folder of articles

# Why an earlier checked claim matches (the checked-before panel).
match-same-words = same words: { $words }
match-same-figures-dates = same figures and dates
match-same-meaning = same meaning
match-similar = similar, but not the same statement
# The same fact with the other sign: one claim denies or negates it; the words that do are named.
match-opposite = { $side ->
    [new] the opposite: the new claim says “{ $words }”
   *[other] the opposite: the earlier claim says “{ $words }”
}
# The claim memory's notices, said once.
memory-words-only = The claim memory compares words only, not meaning: { $reason }
memory-vectors-repaired = { $path } was damaged ({ $reason }); its sound part is kept and the other claims are embedded again.
memory-index-rebuilt = The claim memory's index could not be read ({ $reason }); it was rebuilt from the import log ({ $imports } fact-checks) and the reviews, and the old one kept as .claimdesk/memory/index.damaged.
memory-index-incomplete = The claim memory's index held { $held } of the { $logged } imported fact-checks (a file of it was lost); it was rebuilt from the import log ({ $imports } fact-checks) and the reviews, and the old one kept as .claimdesk/memory/index.damaged.
memory-index-rebuilt-without-log = The claim memory's index could not be read ({ $reason }); it was rebuilt from the reviews. Import your ClaimReview files again (claimdesk memory import); the old index is kept as .claimdesk/memory/index.damaged.
# One claim negates, the other does not; the negating word is named.
match-negation = { $earlier ->
    [none] other negation: the new claim says “{ $new }”, the earlier one does not
   *[other] other negation: the earlier claim says “{ $earlier }”, the new one does not
}
match-same-figure = same figure: { $figures }
match-other = other { $what ->
    [figure] figure
    [year] year
    [month] month
    [day] day
    [date] date
    [place] place
    [actor] actor
   *[object] object
}: { $earlier } instead of { $new }

# Desk rows the desk view could not fill.
desk-row-crashed = { $path }: claimdesk failed while reading it; open it to see the message
desk-row-not-read = { $path }: not read (extraction cancelled); reopen the desk to read it

# The history of a claim (inspector): what was changed.
history-action-verdict = verdict
history-action-note = note
history-action-evidence = evidence
history-action-speaker = speaker
history-action-span = span
history-action-added = added
history-action-removed = removed
history-action-approved = approved
history-action-resolved = resolved
history-undo = undo { $action }
history-redo = redo { $action }
