"""`{% hole "name" %}…{% endhole %}`: a part of a page that is rendered for each request.

Rendered as usual, unless the page is being rendered as a skeleton (awaz/public/skeleton.py):
then the hole is left as a marker, which the skeleton's user fills for each request.
"""

from django import template
from django.template.base import Node, NodeList, Parser, Token
from django.template.context import Context

from awaz.public.skeleton import HOLES, hole_marker

register = template.Library()


class HoleNode(Node):
    def __init__(self, name: str, nodelist: NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: Context) -> str:
        if context.get(HOLES):
            return hole_marker(self.name)
        return self.nodelist.render(context)


@register.tag
def hole(parser: Parser, token: Token) -> HoleNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError('Use {% hole "name" %}…{% endhole %}')
    nodelist = parser.parse(("endhole",))
    parser.delete_first_token()
    return HoleNode(bits[1][1:-1], nodelist)
