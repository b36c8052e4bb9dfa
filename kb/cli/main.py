"""Entry point of the `kb` command: the group, shared options and the one place errors become
messages. Commands live in modules named for what they do."""

import logging
import os
import sys

import click

from kb.errors import KbError
from kb.library import open_library


class Context:
    """What every command receives: where the library is, opened on first use."""

    def __init__(self, library_dir: str | None):
        self.library_dir = library_dir
        self._library = None

    @property
    def library(self):
        if self._library is None:
            self._library = open_library(self.library_dir)
            from kb.index import indexer

            indexer.ensure_current(self._library)  # replay work a crash left pending
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--library", "library_dir", metavar="DIR", envvar="KB_LIBRARY",
              help="Library folder (default: $KB_LIBRARY, else your user data folder).")
@click.version_option(package_name="evidence-desk")
@click.pass_context
def cli(ctx: click.Context, library_dir: str | None) -> None:
    """Evidence Desk: an offline knowledge base for evidence work."""
    ctx.obj = Context(library_dir)
    ctx.call_on_close(ctx.obj.close)


def _register() -> None:
    from kb.cli import (
        bundles,
        evidence,
        exchange,
        exports,
        items,
        maintenance,
        searching,
        themes,
        writing,
    )

    for module in (items, maintenance, searching, themes, evidence, writing, bundles, exports,
                   exchange):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def quiet_library_loggers() -> None:
    """pypdf and trafilatura log warnings about odd files that the import report already
    explains in one sentence; keep the terminal to that sentence."""
    for name in ("pypdf", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    quiet_library_loggers()
    try:
        result = cli.main(args=argv, prog_name="kb", standalone_mode=False)
    except KbError as error:
        click.echo(f"kb: {error}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("kb: cancelled.", err=True)
        return 130
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("kb: cancelled.", err=True)
        return 130
    except Exception as error:  # noqa: BLE001 - last resort: one sentence, never a traceback
        if os.environ.get("KB_DEBUG"):
            raise
        click.echo(f"kb: unexpected error: {error.__class__.__name__}: {error}", err=True)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
