"""The tests' check of ECMA-376 child order in WordprocessingML parts."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Child sequences (ISO/IEC 29500-1 transitional, §17) by parent element, names without prefix: the tests' own
#: reading of the standard, independent of python-docx, which places the children when speechkit writes them.
SEQUENCES: dict[str, tuple[str, ...]] = {
    name: tuple(children.split())
    for name, children in {
        "pPr": (
            "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
            "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
            "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
            "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
        ),
        "rPr": (
            "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
            "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
            "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
        ),
        "pBdr": "top left bottom right between bar",
        "sectPr": (
            "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
            "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
            "printerSettings sectPrChange"
        ),
        "style": (
            "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
            "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
        ),
        "styles": "docDefaults latentStyles style",
        "docDefaults": "rPrDefault pPrDefault",
        "settings": (
            "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
            "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
            "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
            "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop "
            "hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign "
            "attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
            "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
            "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
            "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
            "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
            "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
            "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
            "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
            "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
            "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
            "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
            "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
            "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
            "mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
            "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
            "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
        ),
        "tblPr": (
            "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
            "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
        ),
        "tblBorders": "top left start bottom right end insideH insideV",
        "tblCellMar": "top left start bottom right end",
        "tcPr": (
            "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark"
        ),
        "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl",
        "tbl": "bookmarkStart tblPr tblGrid tr",
        "font": "altName panose1 charset family notTrueType pitch sig embedRegular",
    }.items()
}


def order_problems(xml: bytes, part: str = "") -> list[str]:
    """Return one message per element of ``xml`` whose children break their parent's sequence."""
    from lxml import etree

    root = etree.fromstring(xml)
    problems: list[str] = []
    for element in root.iter():
        name = _w_name(element)
        sequence = SEQUENCES.get(name) if name else None
        if name and sequence:
            problems.extend(_check(part, element, name, sequence))
    return problems


_W_PREFIX = f"{{{W_NS}}}"


def _w_name(element: etree._Element) -> str | None:
    """Return the local name of a ``w:`` element, or None for any other element, comment or PI."""
    tag = element.tag
    return tag[len(_W_PREFIX) :] if isinstance(tag, str) and tag.startswith(_W_PREFIX) else None


def _check(part: str, element: etree._Element, name: str, sequence: tuple[str, ...]) -> Iterable[str]:
    last = -1
    last_name = ""
    for child in element:
        child_name = _w_name(child)
        if child_name is None:
            continue
        if child_name not in sequence:
            yield f"{part}:{child.sourceline}: <w:{child_name}> is not a child of <w:{name}>"
            continue
        index = sequence.index(child_name)
        # headerReference and footerReference form one choice group at the head of sectPr.
        if name == "sectPr" and child_name in ("headerReference", "footerReference") and last <= 1:
            last = 1
            last_name = child_name
            continue
        if index < last:
            yield f"{part}:{child.sourceline}: <w:{child_name}> after <w:{last_name}> in <w:{name}>"
        if index > last:
            last, last_name = index, child_name
