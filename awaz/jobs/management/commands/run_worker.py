import logging
import secrets
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from awaz.jobs.worker import Worker, periodic_jobs

logger = logging.getLogger("awaz.worker")


class Command(BaseCommand):
    help = "Run queued tasks (e-mail) and the periodic jobs; start as many as you need."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--queues", default="default", help="comma-separated queue names")
        parser.add_argument("--batch-size", type=int, default=settings.AWAZ_WORKER_BATCH)
        parser.add_argument(
            "--once", action="store_true", help="exit when the queue is empty (for scripts)"
        )
        parser.add_argument("--no-periodic", action="store_true", help="queued tasks only")

    def handle(self, *args: Any, **options: Any) -> None:
        worker = Worker(
            worker_id=secrets.token_hex(8),
            queues=options["queues"].split(","),
            batch_size=options["batch_size"],
            lease=settings.AWAZ_WORKER_LEASE,
            heartbeat_every=settings.AWAZ_WORKER_HEARTBEAT,
            heartbeat_timeout=settings.AWAZ_WORKER_HEARTBEAT_TIMEOUT,
            heartbeat_thread=True,
            max_attempts=settings.AWAZ_WORKER_MAX_ATTEMPTS,
            periodic=[] if options["no_periodic"] else periodic_jobs(),
        )
        worker.install_signal_handlers()
        logger.info("worker %s started", worker.worker_id)
        done = worker.run(once=options["once"])
        if options["once"]:
            self.stdout.write(f"ran {done} tasks")
