"""Extraction: the second stage of a scan (document → extract → relations → checker → report → render).

Reads the rule files (`rulebook`, `ruledata`, `ruletrust`), compiles their patterns through the
on-disk cache (`patterncache`) with the literal gates that skip a rule where it cannot match
(`gates`) under time budgets (`saferegex`), runs them over a document's sentences (`extractor`,
`scanview`) and turns each match into a normalized claim (`normalize`, with `numbers`, `dates`
and `units`; `normalized` holds the value type they share, so none of them imports another back).

Nothing is imported here: a run loads only the modules it uses.
"""
