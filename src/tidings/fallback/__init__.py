"""The embedding fallback: where no lexicon entry matches, propose an event type from the
sentence's embedding (docs/fallback.md).  Nothing is loaded at import."""
