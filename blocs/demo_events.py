"""Demo data: the seed articles' events, recorded in full (imported by blocs.demo)."""
