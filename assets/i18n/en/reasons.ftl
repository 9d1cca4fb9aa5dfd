# Why a claim was picked: one line per feature of the model (see the README's table of named features).
# $words are the article's words that showed it, $speaker the source, $marker the reporting word. A line
# "-unnamed" is used when the source has no name.

reason-attribution-named = attributed to { $speaker } ({ $marker })
reason-attribution-pronoun = attributed to { $speaker } ({ $marker }, pronoun)
reason-attribution-pronoun-unnamed = attributed statement ({ $marker })
reason-attribution-anonymous = attributed to an unnamed source ({ $marker })
reason-reported-continues = reported speech continues (Konjunktiv „{ $marker }“): { $speaker }
reason-reported-continues-unnamed = reported speech continues (Konjunktiv „{ $marker }“)
reason-quote-reported = direct quote
reason-figures-statistic = figures: { $words }
reason-figures-plain = number: { $words }
reason-date = date: { $words }
reason-names-one = name: { $words }
reason-names-many = names: { $words }
reason-event = event: { $words }
reason-event-dated = an event with its date
reason-comparison = comparison or change: { $words }
reason-absolute = absolute: { $words }
reason-shape-declarative = ends as a statement
reason-hedged = hedged: { $words }
reason-hedged-report = second-hand: { $words }
reason-opinion = opinion marker: { $words }
reason-shape-exclamation = exclamation
reason-headline-statement = headline that states something
reason-prediction = prediction: { $words }
reason-meaning-like-check-worthy = resembles one of claimdesk’s check-worthy example sentences (invented, not from this article): "{ $words }"
reason-meaning-like-not-check-worthy = resembles one of claimdesk’s example sentences not worth checking (invented, not from this article): "{ $words }"
reason-rumour = circulating claim: { $words }
reason-routine-sport = routine sport result: { $words }
reason-routine-schedule = schedule or broadcast note: { $words }
reason-person-first = first person
reason-person-first-fact = first-person statement of fact: { $words }
reason-tense-past = past tense: { $words }
reason-length-short = short (under 8 words)
reason-length-long = long (over 30 words)
reason-words = words: { $words }
reason-by-hand = added by the analyst
