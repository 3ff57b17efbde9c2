"""What the four plan-file commands share: no database, and a refusal that reads as one
Vietnamese sentence on stderr with exit status 1."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError


class PlanFileCommand(BaseCommand):
    requires_system_checks: list[str] = []

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            # Django would print "CommandError: ..." — English noise before the message the
            # user must read. From Python (call_command) the exception still propagates.
            if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)
