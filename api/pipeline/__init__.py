"""The NLP pipeline: extract mentions from article text, match them to claims, and detect where
two mentions of the same claim disagree. Plain Python, no Flask imports, testable on its own."""
