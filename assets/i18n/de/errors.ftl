# Fehler beim Öffnen, Speichern, Exportieren, Zusammenführen und Lernen, wie das Fenster sie zeigt. Die
# Kommandozeile bleibt englisch (ihre Texte stehen im Code).

io-not-found = Datei oder Ordner nicht gefunden
io-permission-denied = keine Berechtigung
io-storage-full = der Datenträger ist voll
io-read-only = der Datenträger ist schreibgeschützt
io-is-directory = es ist ein Ordner

error-load-not-found = { $path }: Datei nicht gefunden. Prüfen Sie den Pfad und versuchen Sie es erneut.
error-load-directory = { $path }: ist ein Ordner, keine Artikeldatei. Wählen Sie darin eine .txt-, .md- oder .html-Datei.
error-load-unreadable = { $path }: kann nicht gelesen werden ({ $reason }). Prüfen Sie, ob die Datei existiert und Sie sie lesen dürfen.
error-load-too-large = { $path }: ist { $size } Byte groß, mehr als die Grenze von { $limit } Byte für einen Artikel. Teilen Sie die Datei auf.
error-load-empty = { $path }: ist leer (kein Text nach Entfernen von Markup und Leerraum). Öffnen Sie eine Datei mit Artikeltext.
error-load-nested = { $path }: das HTML ist etwa { $depth } Elemente tief verschachtelt (Grenze: { $limit }); das ist keine gewöhnliche Webseite. Speichern Sie den Artikel erneut aus dem Browser oder kopieren Sie den Text in eine .txt-Datei.
error-load-too-complex = { $path }: das Lesen dieses HTML dauerte länger als { $seconds } s; es ist gebaut, um HTML-Parser endlos arbeiten zu lassen, und keine normale Webseite. Speichern Sie den Artikel erneut aus dem Browser oder kopieren Sie seinen Text in eine .txt-Datei.
error-load-binary-kind = { $path }: ist keine Textdatei (erkannt: { $kind }). Öffnen Sie stattdessen einen Artikel als .txt, .md oder .html.
error-load-binary = { $path }: enthält Binärdaten (bei Byte { $offset }), keinen Text. Öffnen Sie stattdessen einen Artikel als .txt, .md oder .html.
error-load-broken-utf8 = { $path }: ist kein gültiges UTF-8: Die Bytes ab Position { $offset } sind beschädigt, obwohl der Rest der Datei UTF-8 ist. Die Datei ist vermutlich beschädigt; speichern Sie sie im Editor erneut als UTF-8.
error-load-pdf = { $path }: kann nicht als PDF gelesen werden ({ $reason }). Öffnen Sie sie in einem PDF-Betrachter, kopieren Sie den Text in eine .txt-Datei und öffnen Sie diese.
error-load-scanned-pdf = { $path }: das PDF hat { $pages ->
    [one] eine Seite
   *[other] { $pages } Seiten
}, aber keine Textebene (ein Scan?). Lassen Sie eine Texterkennung (OCR, z. B. ocrmypdf) darüberlaufen und öffnen Sie das Ergebnis.

error-fetch-bad-address = { $url }: keine Webadresse ({ $reason }). Geben Sie eine vollständige Adresse an, etwa https://example.org/artikel.
error-fetch-scheme = { $url }: claimdesk öffnet nur http- und https-Adressen, nicht „{ $scheme }:“. Speichern Sie die Seite und öffnen Sie die Datei.
error-fetch-host = { $url }: der Server „{ $host }“ wurde nicht gefunden. Prüfen Sie die Adresse und die Netzverbindung.
error-fetch-unreachable = { $url }: der Server hat die Verbindung abgelehnt oder ist nicht erreichbar. Prüfen Sie die Adresse oder versuchen Sie es später erneut.
error-fetch-timeout = { $url }: keine vollständige Antwort innerhalb von { $seconds } Sekunden. Der Server ist zu langsam oder antwortet nicht; versuchen Sie es später erneut.
error-fetch-tls = { $url }: die sichere Verbindung ist fehlgeschlagen ({ $detail }). Das Zertifikat der Seite ist möglicherweise ungültig; nichts wurde geladen.
error-fetch-status = { $url }: der Server antwortete mit { $status }{ $reason }. Prüfen Sie die Adresse; nichts wurde geladen.
error-fetch-redirects = { $url }: mehr als { $max } Weiterleitungen (eine Schleife?). Öffnen Sie die Seite im Browser und kopieren Sie die endgültige Adresse.
error-fetch-bad-redirect = { $url }: der Server leitete auf eine Adresse weiter, die claimdesk nicht öffnen kann ({ $detail }).
error-fetch-too-large = { $url }: die Seite ist größer als { $limit } Byte, mehr als ein Artikel; nichts wurde geladen. Speichern Sie den Artikeltext und öffnen Sie diesen.
error-fetch-not-text = { $url }: ist { $mime_type }, kein Artikel (claimdesk liest HTML, Text, Markdown und PDF).
error-fetch-cancelled = { $url }: Download abgebrochen.
error-fetch-failed = { $url }: der Download ist fehlgeschlagen ({ $detail }). Versuchen Sie es erneut, oder speichern Sie die Seite und öffnen Sie die Datei.

error-store-read = { $path }: Lesen fehlgeschlagen ({ $reason }). Prüfen Sie Pfad, freien Speicherplatz und Berechtigungen.
error-store-write = { $path }: Schreiben fehlgeschlagen ({ $reason }). Prüfen Sie Pfad, freien Speicherplatz und Berechtigungen.
error-store-json = { $path }: ist keine gültige Prüfdatei ({ $reason }). Die Datei ist vielleicht abgeschnitten oder beschädigt; öffnen Sie eine Sicherung oder den Artikel selbst.
error-store-format = { $path }: ist keine claimdesk-Prüfung (Format ist { $found }, erwartet "claimdesk-review"). Öffnen Sie den Artikel, um eine neue Prüfung zu beginnen.
error-store-newer = { $path }: wurde von einer neueren claimdesk-Version geschrieben (Dateiversion { $version }, diese Version liest bis { $supported }). Aktualisieren Sie claimdesk, um sie zu öffnen.
error-store-too-large = { $path }: ist größer als { $limit } Bytes – so groß ist keine Prüfung. Prüfen Sie, ob dies die gemeinte Datei ist.
error-store-invalid = { $path }: { $reason }. Die Datei wurde außerhalb von claimdesk bearbeitet oder beschädigt; öffnen Sie eine Sicherung oder den Artikel selbst.
error-store-link-leaves-desk = { $path }: ist eine Verknüpfung auf { $target }, außerhalb des Desks { $desk }; claimdesk schreibt nicht durch sie hindurch. Ersetzen Sie die Verknüpfung durch die Prüfungsdatei selbst.

error-export-json = der JSON-Export konnte nicht geschrieben werden ({ $reason }).
error-export-csv = der CSV-Export konnte nicht geschrieben werden ({ $reason }).

error-merge-different-articles = die Prüfung auf der Festplatte gehört zu einem anderen Artikel (Prüfsumme { $found } statt { $expected }); nur Prüfungen desselben Artikels lassen sich zusammenführen.
error-merge-different-sources = die Prüfungen gehören zu verschiedenen Artikeldateien ({ $ours } und { $theirs }); nur Prüfungen desselben Artikels lassen sich zusammenführen.

error-edit-no-claim = es gibt keine Aussage { $id }.
error-edit-duplicate-claim = eine Aussage { $id } gibt es schon.
error-edit-bad-span = der Bereich { $start }..{ $end } passt nicht zum Artikeltext.
error-edit-bad-url = nur http- und https-Links können Belege sein: { $url }
error-edit-duplicate-evidence = { $url } ist schon ein Beleg für diese Aussage.
error-edit-no-evidence = Aussage { $id } hat keinen Beleg Nummer { $number }.
error-edit-no-verdict-to-approve = { $id } hat kein Urteil, das freigegeben werden könnte.
error-edit-approver-unknown = zum Freigeben wird Ihr Name gebraucht: tragen Sie ihn unter Ansicht › Ihr Name als Prüfer… ein.
error-edit-own-verdict = { $name } hat dieses Urteil gefällt; freigeben muss es eine zweite Person.
error-edit-no-conflict = Aussage { $id } hat keinen Konflikt Nummer { $number }.

error-model-read = { $path }: kann nicht gelesen werden ({ $reason }). Prüfen Sie den Pfad.
error-model-invalid = { $path }: kein claimdesk-Modell ({ $reason }). Trainieren Sie eines mit „claimdesk train“.

error-train-read = { $path }: kann nicht gelesen werden ({ $reason }).
error-train-line = { $path }: Zeile { $line }: { $reason }.
error-train-write = { $path }: das Modell kann nicht geschrieben werden ({ $reason }). Prüfen Sie, ob der Ordner existiert und beschreibbar ist.
error-train-too-few = { $what }: { $positives } prüfwürdige und { $negatives } andere Entscheidungen; zum Lernen braucht es von beiden mindestens 10.

error-memory-read = { $path }: kann nicht gelesen werden ({ $reason }). Prüfen Sie Pfad und Berechtigungen.
error-memory-json = { $path }: Zeile { $line }, Spalte { $column }: kein gültiges JSON ({ $reason }). Aus dieser Datei wurde nichts übernommen.
error-memory-field = { $path }: Zeile { $line }: { $reason }. Aus dieser Datei wurde nichts übernommen.
error-memory-too-large = { $path }: ist größer als { $limit } Bytes; teilen Sie sie und importieren Sie die Teile.
error-memory-none = { $path }: keine ClaimReview gefunden (erwartet: schema.org-ClaimReview-Objekte – eines, ein Array, ein @graph, ein DataFeed oder JSON Lines).
error-memory-index = Index des Prüfgedächtnisses { $path }: { $reason }

# Ein Fehler in claimdesk oder eine unvorhergesehene Eingabe: die offene Prüfung bleibt, wie sie war.
error-failed-loading = claimdesk ist beim Laden von { $path } gescheitert: { $reason }. Nichts ist verloren: die offene Prüfung ist unverändert. Bitte melden Sie das, wenn möglich mit der Datei.
error-failed-extracting = claimdesk ist beim Suchen der Aussagen in { $path } gescheitert: { $reason }. Nichts ist verloren: die offene Prüfung ist unverändert. Bitte melden Sie das, wenn möglich mit der Datei.
error-failed-saving = claimdesk ist beim Speichern von { $path } gescheitert: { $reason }. Nichts ist verloren: die offene Prüfung ist unverändert. Bitte melden Sie das, wenn möglich mit der Datei.
error-load-stopped = { $path }: das Laden wurde unerwartet abgebrochen.
error-lookup-stopped = die Suche wurde unerwartet abgebrochen
error-lookup-failed = die Suche im Prüfgedächtnis ist gescheitert (ein Fehler in claimdesk); die Prüfung ist davon nicht betroffen

# Trotzdem gelesen, aber wissenswert.
warning-legacy-encoding = { $path }: kein UTF-8; gelesen als { $encoding }.
warning-unknown-language = { $path }: die Sprache ist weder Deutsch noch Englisch; Aussagen werden mit allgemeinen Regeln gefunden. Starten Sie claimdesk mit --lang de oder --lang en, falls das falsch ist.

# The sentence encoder (memory and extraction use it; without it they work with words only).
error-encoder-not-found = Die Modelldatei { $file } des Satz-Encoders wurde nicht gefunden (gesucht in { $looked }); der Abgleich nutzt nur Wörter. Installieren Sie claimdesk neu oder setzen Sie CLAIMDESK_ENCODER_MODEL auf die Datei.
error-encoder-read = { $path }: Das Modell des Satz-Encoders kann nicht gelesen werden ({ $reason }); der Abgleich nutzt nur Wörter.
error-encoder-checksum = { $path }: Das Modell des Satz-Encoders ist beschädigt (SHA-256 { $found }, erwartet { $expected }); der Abgleich nutzt nur Wörter. Installieren Sie claimdesk neu oder erzeugen Sie die Datei mit scripts/encoder/build-model.py neu.
error-encoder-damaged = Das Modell des Satz-Encoders ist beschädigt: { $reason }; der Abgleich nutzt nur Wörter.
error-memory-other-model = { $path }: die Vektoren stammen vom Modell { $theirs }, dieses claimdesk rechnet mit { $ours }. Aus dieser Datei wurde nichts importiert; importieren Sie sie mit --recompute-vectors, dann werden sie hier berechnet.
error-memory-vectors = Vektoren des Prüfgedächtnisses { $path }: { $reason }. Sie werden aus den Aussagen neu berechnet; prüfen Sie Schreibrechte und freien Platz des Ordners.
