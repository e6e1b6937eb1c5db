"""newsledger: a source-attributed ledger of who said and did what, when and where."""

__version__ = "0.1.0"


def __getattr__(name):
    # Lazy, so `import newsledger` stays cheap for the CLI's --help.
    if name == "Ledger":
        from newsledger.ledger import Ledger

        return Ledger
    raise AttributeError(name)


__all__ = ["Ledger", "__version__"]
