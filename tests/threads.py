"""Calls started at the same moment in threads, for the PostgreSQL race tests."""

import threading

from django.core.exceptions import ValidationError
from django.db import connections


def together(*calls):
    """Runs the calls in threads released at the same moment; returns their results, or the
    messages of the ValidationError each raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            results[i] = call()
        except ValidationError as error:
            results[i] = " ".join(error.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
