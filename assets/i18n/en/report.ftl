# The Markdown and HTML reports, in English. CSV column headers are machine names and stay in code.

report-title = Fact-check: { $title }
report-source = Source
report-reviewer = Reviewer
report-date = Date
report-language = Language
report-claims-count = { $total ->
    [one] 1 claim ({ $reviewed } reviewed)
   *[other] { $total } claims ({ $reviewed } reviewed)
}
report-summary = Summary
report-verdict = Verdict
report-claims = Claims
report-article = Article
report-four-eyes = Four eyes
report-approved-by = approved by { $reviewer } ({ $date })
report-awaiting-approval = awaiting approval
report-speaker = Speaker
report-kind = Kind
report-reasons = Why it was picked
report-check-worthiness = check-worthiness { $score }
report-hedges = Hedges
report-note = Note
report-evidence = Evidence

language-de = German
language-en = English
language-other = other

verdict-confirmed = True
verdict-denied = False
verdict-unverified = Unproven
verdict-pending = Pending

kind-quote = quote
kind-reported-statement = reported statement
kind-statistic = statistic
kind-prediction = prediction
kind-comparison = comparison
kind-event = event
kind-fact = fact
kind-headline = headline
kind-rumour = rumour
kind-question = question
