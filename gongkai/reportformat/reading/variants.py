"""Traditional character forms that turn up in text extracted from simplified reports.

A PDF font's ToUnicode table sometimes maps a simplified glyph to its traditional code
point (the seed report's title comes out as 郟县 for 郏县). NFKC does not fold these,
so the common ones in place names, agency names and report wording are folded here.
This is a short list on purpose, not a converter: it only has to make names and
headings comparable, and a character missing here leaves the text as printed.
"""

import re

_PAIRS = (
    "郟郏縣县區区鄉乡鎮镇鄕乡門门廳厅處处辦办會会員员衛卫發发園园開开關关陽阳東东廣广"
    "華华雲云龍龙灣湾歸归陝陕豐丰寧宁遼辽漢汉蘇苏贛赣黃黄臺台爾尔齊齐濟济瀋沈長长鄭郑"
    "許许義义興兴鄧邓葉叶駐驻馬马盧卢靈灵寶宝滎荥鞏巩滬沪貴贵隴陇魯鲁閩闽瓊琼粵粤晉晋"
    "廈厦蘭兰烏乌薩萨銀银團团場场鐵铁礦矿業业農农環环應应稅税務务資资產产權权價价質质"
    "檢检驗验監监審审計计統统財财紀纪黨党組组織织機机構构營营運运輸输電电氣气線线網网"
    "絡络書书經经軍军醫医療疗藥药體体飲饮勞劳動动險险禮礼傳传屬属報报訊讯條条規规範范"
    "執执罰罚強强費费決决議议訴讼複复維维護护糾纠結结轉转請请願愿數数總总項项與与對对"
    "於于點点擊击號号間间過过還还這这個个為为們们來来時时實实現现將将變变當当說说"
)

_TABLE = str.maketrans({_PAIRS[i]: _PAIRS[i + 1] for i in range(0, len(_PAIRS) - 1, 2)})
# Most text has none of them; finding that out by regex is ten times cheaper than translate.
_TRADITIONAL = re.compile("[" + "".join(re.escape(chr(code)) for code in _TABLE) + "]")


def simplify(text: str) -> str:
    """Fold the traditional forms listed above to their simplified ones."""
    if _TRADITIONAL.search(text) is None:
        return text
    return text.translate(_TABLE)
