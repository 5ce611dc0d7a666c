"""`python -m newsprism` is the `newsprism` command."""

from newsprism.cli import main

if __name__ == "__main__":
    main(prog_name="newsprism")
