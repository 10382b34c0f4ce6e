"""The embedding fallback: where no lexicon entry matches, an event / no-event gate decides
whether the sentence reports an event at all, and a classifier proposes its type from the
sentence's embedding (docs/fallback.md).  Nothing is loaded at import."""
