"""newsprism: who said what, story by story, and how each outlet reported it."""

__version__ = "0.1.0"
