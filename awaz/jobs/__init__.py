"""Background work and mail: the worker that runs queued tasks and the periodic jobs,
and the one road every e-mail takes (rendered, queued, sent by a worker over SMTP)."""
