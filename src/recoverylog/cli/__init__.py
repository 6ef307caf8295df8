"""The Typer command line: thin commands that parse, call the journal facade and print."""
