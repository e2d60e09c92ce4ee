"""HTTP hardening: response headers for signer safety, request ids, Onion-Location,
error pages, request limits and the serving of uploads."""
