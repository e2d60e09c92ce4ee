"""Forms of the organizers' workspace: they clean input and never write (services do)."""
