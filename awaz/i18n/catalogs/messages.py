"""Babel's catalog messages, read the same way everywhere: singular or plural alike."""

from babel.messages.catalog import Message


def english(message: Message) -> str:
    """The English source text (the singular of a plural message)."""
    return message.id if isinstance(message.id, str) else message.id[0]


def strings(message: Message) -> tuple[str, ...]:
    """The translation, one string per plural form."""
    if message.string is None:
        return ("",)
    if isinstance(message.string, str):
        return (message.string,)
    return tuple(message.string)


def is_translated(message: Message) -> bool:
    return all(strings(message))
