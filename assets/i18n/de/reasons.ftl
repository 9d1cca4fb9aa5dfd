# Warum eine Aussage ausgewählt wurde: eine Zeile je Merkmal des Modells (Tabelle der Merkmale im README).
# $words sind die Wörter des Artikels, die es zeigen, $speaker die Quelle, $marker das Redeverb. Eine Zeile
# "-unnamed" gilt, wenn die Quelle keinen Namen hat.

reason-attribution-named = Quelle: { $speaker } ({ $marker })
reason-attribution-pronoun = Quelle: { $speaker } ({ $marker }, per Pronomen)
reason-attribution-pronoun-unnamed = zugeschriebene Aussage ({ $marker })
reason-attribution-anonymous = ungenannte Quelle ({ $marker })
reason-reported-continues = indirekte Rede geht weiter (Konjunktiv „{ $marker }“): { $speaker }
reason-reported-continues-unnamed = indirekte Rede geht weiter (Konjunktiv „{ $marker }“)
reason-quote-reported = wörtliches Zitat
reason-figures-statistic = Zahlen: { $words }
reason-figures-plain = Zahl: { $words }
reason-date = Datum: { $words }
reason-names-one = Name: { $words }
reason-names-many = Namen: { $words }
reason-event = Ereignis: { $words }
reason-event-dated = Ereignis mit Datum
reason-comparison = Vergleich oder Veränderung: { $words }
reason-absolute = Absolutaussage: { $words }
reason-shape-declarative = Aussagesatz
reason-hedged = Vorbehalt: { $words }
reason-hedged-report = unbestätigt weitergegeben: { $words }
reason-opinion = Meinungsäußerung: { $words }
reason-shape-exclamation = Ausruf
reason-headline-statement = Überschrift mit Aussage
reason-prediction = Prognose: { $words }
reason-meaning-like-check-worthy = ähnelt einem prüfwürdigen Beispielsatz von claimdesk (erfunden, nicht aus dem Artikel): „{ $words }“
reason-meaning-like-not-check-worthy = ähnelt einem nicht prüfwürdigen Beispielsatz von claimdesk (erfunden, nicht aus dem Artikel): „{ $words }“
reason-rumour = kursierende Behauptung: { $words }
reason-routine-sport = Routine-Sportergebnis: { $words }
reason-routine-schedule = Termin- oder Sendehinweis: { $words }
reason-person-first = erste Person
reason-person-first-fact = Tatsachenbehauptung in erster Person: { $words }
reason-tense-past = Vergangenheit: { $words }
reason-length-short = kurz (unter 8 Wörtern)
reason-length-long = lang (über 30 Wörter)
reason-words = Wörter: { $words }
reason-by-hand = von Hand hinzugefügt
