"""`python -m newsprism` is the `newsprism` command."""

from newsprism.cli import command

if __name__ == "__main__":
    command()
