"""Benchmarks of Awaz's hot paths against a bare Django view (DESIGN §8); run `make bench`."""
