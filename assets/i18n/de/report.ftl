# Die Berichte (Markdown und HTML) auf Deutsch. CSV-Spaltennamen sind Maschinennamen und bleiben im Code.

report-title = Faktencheck: { $title }
report-source = Quelle
report-reviewer = Geprüft von
report-date = Datum
report-language = Sprache
report-claims-count = { $total ->
    [one] 1 Aussage ({ $reviewed } geprüft)
   *[other] { $total } Aussagen ({ $reviewed } geprüft)
}
report-summary = Übersicht
report-verdict = Bewertung
report-claims = Aussagen
report-article = Artikel
report-four-eyes = Vier-Augen-Prinzip
report-approved-by = freigegeben von { $reviewer } ({ $date })
report-awaiting-approval = Freigabe ausstehend
report-speaker = Quelle der Aussage
report-kind = Art
report-reasons = Prüfgründe
report-check-worthiness = Prüfwürdigkeit { $score }
report-hedges = Einschränkungen
report-note = Notiz
report-evidence = Beleg

language-de = Deutsch
language-en = Englisch
language-other = andere

verdict-confirmed = Richtig
verdict-denied = Falsch
verdict-unverified = Nicht belegt
verdict-pending = Offen

kind-quote = Zitat
kind-reported-statement = wiedergegebene Aussage
kind-statistic = Statistik
kind-prediction = Prognose
kind-comparison = Vergleich
kind-event = Ereignis
kind-fact = Tatsachenbehauptung
kind-headline = Schlagzeile
kind-rumour = Gerücht
kind-question = Frage
