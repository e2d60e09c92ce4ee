"""Privacy primitives: keyed digests and encryption at rest, networks as keyed digests,
logs without personal data, uploaded images stripped to their pixels."""
