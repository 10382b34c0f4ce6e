"""Reading news articles from files, directories and standard input."""

from .readers import parse_date, read_inputs, read_path, read_stdin

__all__ = ["parse_date", "read_inputs", "read_path", "read_stdin"]
