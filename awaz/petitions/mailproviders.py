"""Mail providers hosted where a state can read the mail, by country (ISO 3166 code).

A confirmation e-mail sent to such a provider tells that state that its owner signed. When a
petition names the country as a risk, the sign form warns the signer first and lets them give
another address. The lists name the large consumer providers; they are not complete.
"""

PROVIDERS: dict[str, frozenset[str]] = {
    "CN": frozenset(
        {
            "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com",
            "yeah.net", "188.com", "sina.com", "sina.cn", "vip.sina.com", "sohu.com",
            "aliyun.com", "139.com", "189.cn", "wo.cn", "tom.com", "21cn.com", "263.net",
        }
    ),
    "RU": frozenset(
        {
            "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "yandex.ru", "ya.ru",
            "yandex.com", "yandex.kz", "rambler.ru", "ro.ru",
        }
    ),
    "KZ": frozenset({"mail.kz", "kazmail.kz"}),
    "IR": frozenset({"chmail.ir", "iran.ir"}),
}  # fmt: skip


def risky_countries(codes: str) -> list[str]:
    """The known countries in a comma-separated list such as "CN, RU"."""
    return [code for code in (part.strip().upper() for part in codes.split(",")) if code]


def provider_country(domain: str, codes: str) -> str | None:
    """The risky country hosting `domain`, among the petition's `codes`, or None."""
    domain = domain.lower()
    for code in risky_countries(codes):
        if domain in PROVIDERS.get(code, frozenset()):
            return code
    return None
