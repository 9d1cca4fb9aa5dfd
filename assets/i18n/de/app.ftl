# Das Fenster auf Deutsch: Menüs, Bereiche, Dialoge, Statusmeldungen, Tastenkürzel-Hilfe und Tooltips.

## Befehle: Menüs, Tastenkürzel-Hilfe und Tooltips

command-open = Öffnen…
command-open-path = Pfad öffnen…
command-open-folder = Ordner öffnen (Desk)…
command-open-address = Webadresse öffnen…
command-cancel-download = Download abbrechen
command-train-desk-model = Prüfwürdigkeit aus den Entscheidungen dieses Desks lernen
command-show-desk = Desk / Artikel
command-open-article = Ausgewählten Artikel öffnen
command-next-article = Nächster Artikel
command-previous-article = Vorheriger Artikel
command-next-pending-article = Nächster Artikel mit offenen Aussagen
command-save = Prüfung speichern
command-save-as = Prüfung speichern unter…
command-export = Exportieren…
command-quit = Beenden
command-undo = Rückgängig
command-redo = Wiederholen
command-next-claim = Nächste Aussage
command-previous-claim = Vorherige Aussage
command-next-pending = Nächste offene Aussage
command-confirm = Als richtig markieren
command-deny = Als falsch markieren
command-mark-unverified = Als nicht belegt markieren
command-mark-pending = Zurück auf offen
command-edit-note = Notiz bearbeiten
command-add-evidence = Beleg-Link hinzufügen
command-add-claim = Auswahl als Aussage hinzufügen
command-set-span-from-selection = Aussage auf Auswahl setzen
command-remove-claim = Aussage entfernen
command-adopt-earlier-verdict = Früheres Urteil übernehmen (schon geprüft)
command-approve = Urteil freigeben (zweite Prüfung)
command-keep-ours = Merge-Konflikt: unsere Fassung behalten
command-take-theirs = Merge-Konflikt: ihre Fassung übernehmen
command-set-reviewer-name = Ihr Name als Prüfer…
command-find = Aussagen durchsuchen
command-toggle-advance = Nach einem Urteil zur nächsten offenen Aussage springen
command-toggle-sort = Nach Prüfwürdigkeit / Position sortieren
command-zoom-in = Größere Schrift
command-zoom-out = Kleinere Schrift
command-show-help = Tastenkürzel
command-open-german-sample = Deutscher Beispielartikel
command-open-english-sample = Englischer Beispielartikel

## Menüs

menu-file = Datei
menu-open-recent = Zuletzt geöffnet
menu-no-recent-files = Keine zuletzt geöffneten Dateien
menu-open-sample = Beispiel öffnen
menu-edit = Bearbeiten
menu-view = Ansicht
menu-help = Hilfe
menu-language = Sprache
menu-language-system = Wie das System
menu-language-de = Deutsch
menu-language-en = English
menu-theme = Farbschema
theme-system = Wie das System
theme-light = Hell
theme-dark = Dunkel

## Urteile im Fenster (dieselben Wörter wie in den Berichten)

ui-verdict-confirmed = Richtig
ui-verdict-denied = Falsch
ui-verdict-unverified = Nicht belegt
ui-verdict-pending = Offen

## Statusleiste und Statusmeldungen

status-sample-opened = Beispielartikel geöffnet. Eigene Artikel: Strg+O oder Datei aufs Fenster ziehen.
status-last-article-gone = { $path } ist nicht mehr vorhanden; öffnen Sie einen Artikel mit Strg+O oder einen Ordner über Datei › Ordner öffnen.
status-all-reviewed = Alle Aussagen haben ein Urteil. Speichern mit Strg+S.
status-not-changed-opening = Nicht geändert: { $path } wird gerade geöffnet und ersetzt diese Prüfung.
status-not-changed = Nicht geändert: { $error }.
status-no-earlier-verdict = Keine frühere Prüfung belegt die Tatsache von { $id }: Es gibt kein Urteil zu übernehmen.
status-already-adopted = { $id } trägt das frühere Urteil bereits.
status-note-for-judged = Notiz zu { $id }, der eben beurteilten Aussage (J geht weiter).
status-adopted = { $id }: „{ $verdict }“ übernommen von { $source }. Strg+Z macht es rückgängig.
status-adopted-inverse = { $id }: sagt das Gegenteil einer Prüfung von { $source }, also „{ $verdict }“. Strg+Z macht es rückgängig.
status-opposite-not-adopted = { $id } sagt das Gegenteil einer Aussage, die als „{ $verdict }“ geprüft wurde; deren Gegenteil ist nicht bekannt, daher wurde kein Urteil übernommen.
status-open-article-first = Öffnen Sie einen Artikel (Eingabetaste), um Urteile zu vergeben.
status-select-claim-first = Wählen Sie zuerst eine Aussage aus (J/K oder anklicken).
status-no-desk = Kein Desk geöffnet: Datei › Ordner öffnen öffnet einen.
status-no-conflict = Die ausgewählte Aussage hat keinen Merge-Konflikt.
status-advance = { $state ->
    [on] Nach einem Urteil zur nächsten offenen Aussage springen: an.
   *[off] Nach einem Urteil zur nächsten offenen Aussage springen: aus.
}
status-nothing-to-undo = Nichts rückgängig zu machen.
status-nothing-to-redo = Nichts zu wiederholen.
status-undid = Rückgängig gemacht: { $edit }.
status-redid = Wiederholt: { $edit }.
status-select-text-first = Markieren Sie Text im Artikel (mit der Maus ziehen) oder klicken Sie in einen Satz, dann drücken Sie A.
status-already-a-claim = Dieser Text ist bereits eine Aussage.
status-claim-added = Aussage hinzugefügt. Rückgängig mit Strg+Z.
status-select-claim-and-text = Wählen Sie eine Aussage, markieren Sie dann den Text, den sie umfassen soll, und drücken Sie Umschalt+A.
status-span-adjusted = Umfang der Aussage angepasst. Rückgängig mit Strg+Z.
status-claim-removed = Aussage entfernt. Rückgängig mit Strg+Z.
status-downloading = Lade { $address } herunter…
button-cancel-download = Download abbrechen
status-extracting = Aussagen aus { $path } werden ermittelt…
status-unsaved-changes = ungespeicherte Änderungen
status-saved = gespeichert
status-no-review-file = noch keine Prüfungsdatei
status-reviewer-not-set = Prüfer: nicht angegeben
status-reviewer = Prüfer: { $name }
status-reviewed = { $reviewed } / { $total } geprüft
error-add-claim = Die Aussage konnte nicht hinzugefügt werden
error-change-claim = Die Aussage konnte nicht geändert werden
dialog-address-note = Fügen Sie eine http- oder https-Adresse ein oder tippen Sie sie. Die Seite wird einmal heruntergeladen; die Prüfung behält ihren Text und lädt sie nie erneut.

## Was Rückgängig und Wiederholen benennen

edit-verdict = Urteil zu { $id } ({ $verdict })
edit-note = Notiz zu { $id }
edit-speaker = Quelle von { $id }
edit-evidence = Belege zu { $id }
edit-added-claim = hinzugefügte Aussage { $id }
edit-removed-claim = entfernte Aussage { $id }
edit-changes = Änderungen an { $id }
edit-approval = Freigabe von { $id }
edit-conflict = Konflikt in { $id }

## Dialoge

dialog-unsaved-title = Ungespeicherte Änderungen
dialog-unsaved-text = Die Prüfung hat Änderungen, die nicht gespeichert sind. Zuerst speichern?
button-save = Speichern
button-discard-changes = Änderungen verwerfen
button-cancel = Abbrechen
button-ok = OK
button-browse = Durchsuchen…
tooltip-browse = Den Dateidialog des Systems verwenden
dialog-open-file = Datei öffnen
dialog-open-folder = Ordner mit Artikeln öffnen (Desk)
dialog-save-as = Prüfung speichern unter
dialog-export-to = Exportieren nach
dialog-open-address = Webadresse öffnen
hint-address = https://example.org/artikel
hint-path = /pfad/zur/datei oder https://…
field-web-address = Webadresse
field-path = Pfad
dialog-resume-title = Zu diesem Artikel gibt es eine Prüfung
dialog-resume-text = { $path } liegt neben dem Artikel. Fortsetzen oder eine neue Prüfung beginnen?
button-resume-review = Prüfung fortsetzen
button-new-review = Neue Prüfung beginnen
dialog-recover-title = Ungespeicherte Arbeit wiederherstellen?
dialog-recover-text = claimdesk wurde mit ungespeicherten Änderungen beendet. Diese Sicherungskopien sind erhalten:
dialog-recover-copy = { $target } (gesichert { $written })
button-restore = Wiederherstellen
button-discard = Verwerfen
button-decide-later = Später entscheiden
dialog-export-title = Prüfung exportieren
field-reviewer-organisation = Prüfende Redaktion (Organisation)
hint-reviewer-organisation = Ihre Redaktion (bleibt leer, wenn nicht angegeben)
field-reviewer = Prüfende Redaktion
field-reviewer-site-optional = Website der Redaktion (optional)
field-reviewer-site = Website der Redaktion
field-approved-only = Nur freigegebene Urteile (Vier-Augen-Prinzip)
field-training-examples = Beispielsätze von claimdesk unter den Gründen nennen
report-language-as-article = wie der Artikel ({ $code })
field-report-language = Berichtssprache
field-file = Datei
field-export-file = Exportdatei
button-export = Exportieren
dialog-replace-title = Vorhandene Datei ersetzen?
dialog-replace-text = { $path } gibt es bereits. Speichern ersetzt sie durch diese Prüfung.
button-replace = Ersetzen
dialog-reviewer-title = Wer prüft?
dialog-reviewer-text = Ihr Name wird bei jedem Urteil, jeder Notiz und jeder Freigabe vermerkt, damit der Desk zeigen kann, wer was entschieden hat. Eine zweite Prüferin oder ein zweiter Prüfer gibt Urteile unter eigenem Namen frei.
dialog-reviewer-offered = Der Name stammt vom Benutzerkonto dieses Computers. Eingabe übernimmt ihn, ein Klick ins Feld ändert ihn.
dialog-reviewer-held = { $count ->
    [one] Eine gedrückte Taste wartet auf die Prüfung und wirkt, sobald dieser Dialog schließt.
   *[other] { $count } gedrückte Tasten warten auf die Prüfung und wirken, sobald dieser Dialog schließt.
}
field-your-name = Ihr Name
button-later = Später
status-recovered = Ungespeicherte Arbeit wiederhergestellt. Speichern mit Strg+S.
status-reviewing-as = Sie prüfen als { $name }.
help-title = Tastenkürzel
help-single-keys = Einzelne Buchstabentasten wirken, wenn kein Textfeld den Cursor hat; Esc verlässt ein Textfeld.
help-or = {"  "}oder{"  "}
listing-in = In { $folder }
button-up = ⬆ Nach oben
tooltip-up = Der übergeordnete Ordner
listing-no-folders = Hier gibt es keine Ordner.
listing-no-entries = Hier gibt es keine Ordner oder Artikel (.txt, .md, .html, .pdf, .review.json).
listing-no-match = Hier beginnt kein Ordner und kein Artikel mit „{ $name }“.
listing-truncated = Nur die ersten { $count } Einträge sind aufgeführt: Tippen Sie mehr vom Namen.
listing-tab-hint = Tab ergänzt den Namen; ein Ordner öffnet sich in der Liste.

## Der Inspektor

inspector-no-claim = Keine Aussage ausgewählt. J wählt die erste.
inspector-claim = Aussage { $id }
inspector-added-by-hand = von Hand hinzugefügt
inspector-verdict = Urteil
inspector-speaker-source = Urheber / Quelle
inspector-speaker-inferred = aus dem Zusammenhang erschlossen, nicht in diesem Satz genannt
button-confirm-speaker = Bestätigen
tooltip-confirm-speaker = Die Quelle stimmt: Exporte nennen sie (bis dahin lassen sie eine erschlossene Quelle weg).
field-speaker = Urheber
unknown = unbekannt
unknown-reviewer = unbekannte Prüferin / unbekannter Prüfer
inspector-note = Notiz ({ $shortcut })
hint-note = Was Sie herausgefunden haben, und wie
field-note = Notiz
inspector-evidence = Belege
tooltip-remove-link = Diesen Link entfernen
tooltip-open-in-browser = Im Browser öffnen
field-evidence-link = Beleg-Link
button-add = Hinzufügen
status-evidence-web-only = Nur http://- und https://-Links können Belege sein.
inspector-check-worthiness = Prüfwürdigkeit { $score }
inspector-hedges = Einschränkungen
inspector-history = Verlauf ({ $count })
button-remove-claim = Aussage entfernen (Entf)
four-eyes-approved = Gesetzt von { $by } · freigegeben von { $approver } ({ $date })
four-eyes-awaiting = Gesetzt von { $by } · Freigabe ausstehend
four-eyes-hint = (V: als zweite Prüfung freigeben)
conflicts-title = Merge-Konflikte ({ $count })
conflict-removed = (entfernt / keiner)
conflict-ours = unsere: { $value } ({ $by })
conflict-theirs = ihre: { $value } ({ $by })
button-keep-ours = Unsere behalten (O)
button-take-theirs = Ihre übernehmen (T)
checked-before-title = Schon geprüft ({ $count })
checked-before-no-desk = Öffnen Sie einen Artikel aus einem Ordner, um ihn mit früheren Prüfungen zu vergleichen.
checked-before-running = Suche im Gedächtnis des Desks…
checked-before-embedding = Bedeutung der Aussagen im Gedächtnis wird berechnet…
tooltip-cancel-embedding = Anhalten: Berechnetes bleibt erhalten, der Rest wird bis dahin nach Wörtern verglichen und später weiter berechnet
checked-before-nothing = Nichts Vergleichbares unter { $size ->
    [one] der 1 früher geprüften Aussage
   *[other] { $size } früher geprüften Aussagen
} dieses Desks.
checked-before-failed = Das Gedächtnis konnte nicht gelesen werden: { $message }
checked-before-note = Bereits geprüft ({ $verdict }): { $source }
checked-before-note-opposite = Sagt das Gegenteil einer bereits geprüften Aussage ({ $verdict }): { $source }
checked-before-note-rating = bewertet mit „{ $rating }“
checked-before-note-text = „{ $text }“
relation-same = dieselbe Tatsache
similarity-in-words = { $level ->
    [high] nahezu gleich
    [medium] nahe
   *[low] entfernt ähnlich
} · { $percent } %
tooltip-similarity = Wie genau die beiden Aussagen in Bedeutung und Wortlaut übereinstimmen – nicht, wie wahrscheinlich eine davon wahr ist.
relation-opposite = sagt das Gegenteil einer geprüften Aussage
relation-related = verwandt
button-adopt-verdict = Dieses Urteil übernehmen ({ $shortcut })
tooltip-adopt-verdict = Setzt dasselbe Urteil und zitiert diese Prüfung in der Notiz

## Aussagenliste und Artikel

hint-search-claims = Aussagen durchsuchen (Strg+F)
tooltip-search-claims = Durchsucht Text, Urheber und Notiz der Aussagen
field-search-claims = Aussagen durchsuchen
filter-pending = offen
filter-confirmed = richtig
filter-denied = falsch
filter-unverified = nicht belegt
sort-label = Sortierung:
sort-position = Position
sort-score = Prüfwürdigkeit
claims-none-found = Keine Aussagen gefunden. Markieren Sie Text im Artikel und drücken Sie A, um eine hinzuzufügen.
claims-none-match = Keine Aussage passt zu Suche und Filter.
row-checked-before = schon geprüft: { $verdict }
row-opposite-of-checked = Gegenteil einer als { $verdict } geprüften Aussage
row-merge-conflict = Merge-Konflikt
orphaned-title = Verwaiste Aussagen ({ $count }): nicht mehr im Artikel
orphaned-note = Notiz: { $note }
article-empty = Öffnen Sie einen Artikel mit Strg+O oder ziehen Sie eine .txt-, .md- oder .html-Datei hierher.
article-header = { $source } · { $language } · { $claims ->
    [one] 1 Aussage
   *[other] { $claims } Aussagen
}
article-by = · von { $author }
article-published = · veröffentlicht am { $date }
article-downloaded = · heruntergeladen am { $date }
article-sample = · mitgelieferter Beispielartikel: Öffnen Sie Ihren eigenen mit Strg+O oder ziehen Sie eine Datei hierher
article-hint = Ein Klick auf eine Markierung wählt ihre Aussage. Text mit der Maus markieren, dann fügt A ihn als Aussage hinzu (Umschalt+A setzt die ausgewählte Aussage darauf).

## Öffnen, Speichern, Exportieren und der Desk

status-train-no-desk = Kein Desk geöffnet: Datei › Ordner öffnen öffnet einen; dann kann aus seinen Entscheidungen gelernt werden.
status-desk-model-trained = Desk-Modell aus { $decisions ->
    [one] 1 Entscheidung
   *[other] { $decisions } Entscheidungen
} gelernt und in { $path } gespeichert. Zurückgehalten: { $held_out } (mitgeliefertes Modell: F1 { $shipped_f1 }).
status-learning = Lerne aus den Entscheidungen des Desks…
status-download-cancelled = Download von { $address } abgebrochen; nichts wurde geladen.
status-opening = Öffne { $path }…
status-desk-opened = Desk { $path }: { $articles } Artikel. Die Eingabetaste öffnet den ausgewählten; Strg+D wechselt zwischen Desk und Artikel.
status-copies-merged = { $merged ->
    [0] {""}
    [one] Eine Konfliktkopie eines Sync-Programms wurde in ihre Prüfung übernommen (die Kopie liegt in .claimdesk/merged-copies).
   *[other] { $merged } Konfliktkopien von Sync-Programmen wurden in ihre Prüfungen übernommen (die Kopien liegen in .claimdesk/merged-copies).
}{ $conflicts ->
    [0] {""}
   *[other] {" "}{ $conflicts } widersprüchliche Felder warten auf Ihre Entscheidung (O unsere, T deren).
}{ $refused ->
    [0] {""}
   *[other] {" "}{ $refused } Kopien wurden nicht übernommen: siehe claimdesk status.
}
status-navigation-needs-desk = Öffnen Sie zuerst einen Ordner (Datei › Ordner öffnen): Das Blättern zwischen Artikeln braucht einen Desk.
status-no-further-pending-article = Kein weiterer Artikel mit offenen Aussagen in diesem Desk.
status-no-further-article = Kein weiterer Artikel in diesem Desk.
error-open-sample = Das Beispiel konnte nicht geöffnet werden
status-merge-conflicts = Merge-Konflikte in { $count ->
    [one] einer Aussage
   *[other] { $count } Aussagen
}: { $claims }. O behält unsere, T übernimmt ihre Fassung (Strg+Z macht es rückgängig).
error-learn-from-desk = Aus dem Desk konnte nicht gelernt werden
error-open-address = Die Adresse konnte nicht geöffnet werden
error-open-file = Die Datei konnte nicht geöffnet werden
error-article-changed = Der Artikel hat sich geändert
status-resumed = { $path } fortgesetzt ({ $count ->
    [one] 1 Aussage
   *[other] { $count } Aussagen
}).
status-claims-found = { $count ->
    [0] Keine Aussagen
    [one] 1 Aussage
   *[other] { $count } Aussagen
} in { $path } gefunden.
status-no-file-dialog = Kein Dateidialog des Systems verfügbar (xdg-desktop-portal oder zenity installieren). Tippen Sie den Pfad stattdessen.
status-exported = { $format } nach { $path } exportiert{ $skipped ->
    [0] {""}
   *[other] {" "}({ $skipped } offene Aussagen ausgelassen)
}.
error-export = Export fehlgeschlagen
error-review-changed-on-disk = Die Prüfdatei wurde auf der Festplatte geändert
error-review-changed-text = { $path } wurde seit dem Öffnen von jemand anderem geändert, und beide Fassungen lassen sich nicht zusammenführen ({ $reason }). Nichts wurde überschrieben: Speichern Sie Ihre Fassung unter anderem Namen (Strg+Umschalt+S) und vergleichen Sie.
status-saved-merged = { $path } war von jemand anderem geändert worden: Deren und Ihre Änderungen sind zusammengeführt und gespeichert.
status-saved-merged-conflicts = { $path } war von jemand anderem geändert worden: zusammengeführt und mit { $count ->
    [one] einem Konflikt
   *[other] { $count } Konflikten
} gespeichert — wählen Sie die markierten Aussagen und drücken Sie O (unsere) oder T (ihre).
status-saved-file = { $path } gespeichert.
error-save = Speichern fehlgeschlagen
status-recovery-not-written = Sicherungskopie nicht geschrieben: { $error }

## Der Desk

desk-column-title = Titel
desk-column-file = Datei
desk-column-language = Spr.
desk-column-published = Veröffentlicht
desk-column-claims = Aussagen
desk-column-pending = Offen
desk-column-progress = Fortschritt
desk-column-saved = Zuletzt gespeichert
desk-heading = Desk: { $path }
desk-totals = { $articles } Artikel · { $claims ->
    [one] 1 Aussage
   *[other] { $claims } Aussagen
} · { $confirmed } richtig · { $denied } falsch · { $unverified } nicht belegt · { $pending } offen
desk-extracting = { $count ->
    [one] 1 Artikel ohne Prüfung wird ausgewertet…
   *[other] { $count } Artikel ohne Prüfung werden ausgewertet…
}
desk-reading = Die Prüfungen werden gelesen…
desk-search-nothing = Nichts gefunden für „{ $query }“, weder nach Wörtern noch nach Bedeutung.
desk-filter-hint = Nach Titel oder Datei filtern (Strg+F)
desk-filter-field = Artikel filtern
desk-language = Sprache
desk-all-languages = alle Sprachen
desk-has-pending = mit offenen Aussagen
desk-search-hint = Aussagen, Urheber, Urteile suchen
desk-search-field = Im Desk suchen
desk-search-button = Suchen
desk-search-meaning-running = Suche nach Bedeutung … { $done } von { $total ->
    [one] 1 Aussage
   *[other] { $total } Aussagen
} gelesen
desk-search-by-meaning = nach Bedeutung, { $percent } %
desk-search-hits = { $count ->
    [0] Nichts gefunden
    [one] 1 Aussage gefunden
   *[other] { $count } Aussagen gefunden
} (Eingabetaste im Suchfeld sucht erneut):
desk-sort-tooltip = Nach dieser Spalte sortieren
desk-error = Fehler
desk-no-review = keine Prüfung

## Der Dateidialog des Systems

file-filter-articles = Artikel und Prüfungen
file-filter-all = Alle Dateien
file-filter-review = claimdesk-Prüfung
file-dialog-open = Artikel oder Prüfung öffnen
file-dialog-save = Prüfung speichern
file-dialog-export = Prüfung exportieren
file-dialog-folder = Ordner mit Artikeln öffnen

# Warum eine früher geprüfte Aussage passt (Feld „Bereits geprüft“).
match-same-words = gleiche Wörter: { $words }
match-same-figures-dates = gleiche Zahlen und Daten
match-same-meaning = gleiche Bedeutung
match-similar = ähnlich, aber nicht dieselbe Aussage
# Dieselbe Tatsache mit umgekehrtem Vorzeichen: eine Aussage bestreitet oder verneint sie.
match-opposite = { $side ->
    [new] das Gegenteil: die neue Aussage sagt „{ $words }“
   *[other] das Gegenteil: die frühere Aussage sagt „{ $words }“
}
# Hinweise des Prüfgedächtnisses, einmal gesagt.
memory-words-only = Das Prüfgedächtnis vergleicht nur Wörter, nicht die Bedeutung: { $reason }
memory-vectors-repaired = { $path } war beschädigt ({ $reason }); der intakte Teil bleibt, die übrigen Aussagen werden neu berechnet.
memory-index-rebuilt = Der Index des Prüfgedächtnisses war nicht lesbar ({ $reason }); er wurde aus dem Importprotokoll ({ $imports } Faktenchecks) und den Reviews neu aufgebaut, der alte liegt unter .claimdesk/memory/index.damaged.
memory-index-incomplete = Der Index des Prüfgedächtnisses enthielt nur { $held } der { $logged } importierten Faktenchecks (eine seiner Dateien fehlte); er wurde aus dem Importprotokoll ({ $imports } Faktenchecks) und den Prüfungen neu aufgebaut, der alte liegt unter .claimdesk/memory/index.damaged.
memory-index-rebuilt-without-log = Der Index des Prüfgedächtnisses war nicht lesbar ({ $reason }); er wurde aus den Reviews neu aufgebaut. Importieren Sie Ihre ClaimReview-Dateien erneut (claimdesk memory import); der alte Index liegt unter .claimdesk/memory/index.damaged.
# Eine der beiden Aussagen verneint, die andere nicht; genannt wird das verneinende Wort.
match-negation = { $earlier ->
    [none] andere Aussage: die neue verneint („{ $new }“), die frühere nicht
   *[other] andere Aussage: die frühere verneint („{ $earlier }“), die neue nicht
}
match-same-figure = gleiche Zahl: { $figures }
match-other = { $what ->
    [figure] andere Zahl
    [year] anderes Jahr
    [month] anderer Monat
    [day] anderer Tag
    [date] anderes Datum
    [place] anderer Ort
    [actor] andere Person oder Organisation
   *[object] anderer Gegenstand
}: { $earlier } statt { $new }

# Zeilen des Desks, die nicht gefüllt werden konnten.
desk-row-crashed = { $path }: claimdesk ist beim Lesen gescheitert; öffnen Sie den Artikel, um die Meldung zu sehen
desk-row-not-read = { $path }: nicht gelesen (Aussagensuche abgebrochen); öffnen Sie den Desk erneut, um ihn zu lesen

# Verlauf einer Aussage (rechte Spalte): was geändert wurde.
history-action-verdict = Urteil
history-action-note = Notiz
history-action-evidence = Beleg
history-action-speaker = Urheber / Quelle
history-action-span = Textstelle
history-action-added = hinzugefügt
history-action-removed = entfernt
history-action-approved = freigegeben
history-action-resolved = Konflikt gelöst
history-undo = rückgängig: { $action }
history-redo = wiederholt: { $action }
