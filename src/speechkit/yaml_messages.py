"""The problems PyYAML and libyaml report, listed so that speechkit's catalog translates them.

Never imported: ``facts._yaml_error`` passes each problem and context through ``_()``; one not listed
here (or one with a value in it, ``found undefined alias 'x'``) stays as the parser words it.
"""

from __future__ import annotations

from .i18n import N_

MESSAGES = (
    N_("invalid YAML"),
    N_("mapping values are not allowed here"),
    N_("mapping values are not allowed in this context"),
    N_("block sequence entries are not allowed here"),
    N_("block sequence entries are not allowed in this context"),
    N_("did not find expected node content"),
    N_("did not find expected key"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("could not find expected ':'"),
    N_("found unexpected end of stream"),
    N_("found unexpected ':'"),
    N_("found character that cannot start any token"),
    N_("found unknown escape character"),
    N_("found duplicate anchor; first occurrence; second occurrence"),
    N_("found undefined alias"),
    N_("expected a comment or a line break"),
    N_("expected <document start>, but found '<block mapping start>'"),
    N_("while parsing a flow node"),
    N_("while parsing a block node"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a node"),
    N_("while scanning a simple key"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a plain scalar"),
    N_("while scanning a block scalar"),
    N_("while scanning an alias"),
    N_("while scanning an anchor"),
    N_("while scanning a tag"),
    N_("while scanning for the next token"),
    N_("while constructing a mapping"),
)
