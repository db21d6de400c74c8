"""Numbers stated in sentences, in reports of every template.

Sentences are copied from the real reports in tests/data/real (whole reports 02–06
and the excerpts NN_*.txt, named by their number), from other reports of the same
archive (changwu/pingtan-gov-zwgk-archive, named by page id: pt80774 …), or from the
seeds; a few short ones are made up to pin one rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.freeform import extract_freeform_facets, prefer_tables, stated_in_prose
from indexer.registry import facets

DATA = Path(__file__).parent / "data"


def case(text: str, expected: dict[str, int], name: str):
    return pytest.param(text, expected, id=name)


TOTALS_OF_PROACTIVE_DISCLOSURE = [
    case(
        "全年主动公开政府信息224条，较去年下降7.8%。全文电子化率达100%。其中，机构职能类信息13条，占比5.8%；规划计划类信息1条，占比0.5%。",
        {"主动公开.条数": 224},
        "13-total-then-year-over-year-change-and-breakdown",
    ),
    case(
        "2016年度共主动公开政府信息25条,在主动公开的信息中,工作动态信息5条,财政预决算信息19条,他其信息报告1条。",
        {"主动公开.条数": 25},
        "09-total-then-in-the-disclosed-items",
    ),
    case(
        "(一)主动公开情况。从2022年1月1日起至2022年12月31日止,我委在市政府门户网站累计发布政务信息2035篇,其中机构信息3篇,工作动态152篇,规划计划20篇,财政信息18篇,人事信息6篇,法规文件44篇,医疗卫生256篇,疫情防控1536篇。",
        {"主动公开.条数": 2035},
        "33-published-under-a-proactive-heading",
    ),
    case(
        "2025年全年,我办共通过门户网站及政务新媒体方式主动公开907条,其中通过政府网站公开86条,微信公众号公开821条。部门网站发布工作日常动态33条,通知通告14条。",
        {"主动公开.条数": 907},
        "47-no-object-then-channels",
    ),
    case(
        "2021年,市市场监管局主动公开政府信息14891条,其中,公文类信息85条,规范性文件3个,市市场监管局门户网站公开政务信息587条,微信公众号发布政务信息191条,许可公示结果14025条(在国家企业信息公示系统、浙江省市场监督管理局网站等);共受理依申请公开信息4件,均按时答复。",
        {"主动公开.条数": 14891, "申请.新收": 4},
        "27-parts-after-breakdown-and-applications-after-semicolon",
    ),
    case(
        "2020年,在安化县人民政府门户网、安化新闻网、“茶马古镇·美丽江南”微信公众平台及相关主流媒体主动公开政府信息数511条。",
        {"主动公开.条数": 511},
        "17-count-of-information",
    ),
    case(
        "全年,主动公开政府信息18758条。其中通过政府网站公开1535条,通过政务新媒体公开9335条,通过线下方式公开信息7888条。",
        {"主动公开.条数": 18758},
        "41-breakdown-in-next-sentence",
    ),
    case(
        "区管委会办公室、区直各部门、各乡镇、县直各单位对政府信息进行了梳理和编目，2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402。",
        {"主动公开.条数": 425},
        "05-made-and-obtained-split-by-kind",
    ),
    case(
        "2017年全区主动公开政府信息2122条。其中，区管委会及区直各部门主动公开政府信息1509条，占71.11%。各乡镇主动公开政府信息613条，占28.89%。",
        {"主动公开.条数": 2122},
        "04-parts-with-shares",
    ),
    case(
        "2013年新增主动公开政府信息45条。其中，政策法规及业务类的信息32条；规划计划类的信息13条。",
        {"主动公开.条数": 45},
        "pt80774-newly-disclosed",
    ),
    case(
        "通过政府门户网站全年主动公开各类政府信息10407条。加强政策解读力度，全年发布政策文件解读96篇。全年办理政府信息公开申请218件。",
        {"主动公开.条数": 10407},
        "pt97791-interpretations-and-handled-applications-are-not-read",
    ),
    # Real pages as crawlers caught them (tests/data/real/pages, named by file).
    case(
        "(一)主动公开情况\n全年通过区政府信息公开网站共公开信息314条,其中,人员招录信息公开3条,财政预算、决算信息公开2条。",
        {"主动公开.条数": 314},
        "b01-disclosed-under-a-proactive-heading",
    ),
    case(
        "我镇主动公开的信息共计85条,包括:机构职能、乡镇文件、镇街动态、政策解读等各类信息。",
        {"主动公开.条数": 85},
        "b05-the-information-disclosed-in-all",
    ),
    case("2020年度主动公开政府信息总数2942条。", {"主动公开.条数": 2942}, "a18-total-of-information"),
    case(
        "2022年扎赉特旗巴彦乌兰苏木人民政府网站共发布政府信息75条,其中,主动公开67条,涉及财政、民政等各个领域。",
        {"主动公开.条数": 67},
        "b09-published-then-the-proactive-part",
    ),
]

NOT_TOTALS_OF_PROACTIVE_DISCLOSURE = [
    case(
        "2020年,通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章12件,行政规范性文件43件,市政府其他文件93件,人事任免文件142件。",
        {},
        "21-rules-and-documents-are-parts",
    ),
    # 刊发文稿、通知… is a count of articles on the office's web channel: it never says
    # they are government information proactively disclosed, so it is not the total.
    case(
        "2023年,我办全年未收到行政许可申请;全年未接到信息公开申请;各栏目共刊发文稿、通知、公告、公示等44篇。",
        {"申请.新收": 0},
        "39-articles-published-are-not-the-total",
    ),
    case(
        "1、網站公開(kāi)信息情況(kuàng):2022年衛健委網站所有欄目公開(kāi)信息1143條,其中工作動(dòng)態(tài)144條",
        {},
        "31-website-only-is-a-part",
    ),
    case(
        "在互联网上，2013年区管委会、县政府公开办主动公开信息数为222条，其他主动公开信息量较大部门是区交建局、区经发局、教育局、公安局等。",
        {},
        "02-one-body-among-others",
    ),
    case(
        "其中，区直、县直各单位主动公开政府信息3933条，占79%。各乡镇主动公开政府信息1037条，占21%。",
        {},
        "02-parts-and-shares",
    ),
    case("今年累计主动公开采购信息25条、工程招投标信息188条。", {}, "04-procurement-information-is-a-part"),
    case(
        "(一)加大政府信息主动公开力度。一是加大重点领域信息公开:推进行政执法信息公开,实施行政处罚25起,罚款64.20万元;二是加强重要政策发布和解读,门户网站发布解读信息8条,年内召开新闻发布会两次。",
        {},
        "35-interpretations-under-a-proactive-heading",
    ),
    case("主动公开信息70余条，其中区政府门户网站主动公开信息40余条。", {}, "seed000-approximate"),
    case(
        "全年主动公开我区各级单位政府信息2645条，主要通过政府网站、政务新媒体进行公开。",
        {},
        "pt80613-object-outside-the-vocabulary-is-missed",
    ),
    case(
        "2016年，我区累计在平潭政府采购信息网上主动公开政府采购项目信息189条，网上竞价423条。",
        {},
        "pt80485-procurement-items",
    ),
    case(
        "2025年，通过实验区政府门户网站累计主动公开政府信息7700余条，公开重点领域信息2000余条，通过“平潭发布”公众号发布信息672条。",
        {},
        "crawled13-one-channel-is-not-the-whole",
    ),
    case(
        "(一)主动公开情况\n2022年卫健委网站所有栏目公开信息1143条,其中工作动态144条,通知公告203条。\n"
        "2、政务新媒体信息公开情况:目前我委有政务新媒体1个(“健康新朝阳”微信公众号),本年度刊登各类卫生健康信息68期,共95条。",
        {},
        "31-one-website-of-two-channels-is-not-the-whole",
    ),
]

APPLICATIONS = [
    case(
        # 10_pingtan_zone_2023: two outcomes counted together are neither's count.
        "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件。",
        {"申请.办理总计": 81, "申请.不予公开": 5, "申请.无法提供": 31},
        "pingtan2023-outcomes-counted-together",
    ),
    case(
        "上年结转政府信息公开申请0件,本年新收政府信息公开申请42件,均已按时限和要求对申请内容进行了答复。",
        {"申请.上年结转": 0, "申请.新收": 42},
        "41-carried-and-new",
    ),
    case(
        "2021年新收政府信息公开申请数量317件,上年结转政府信息公开申请数量3件。其中,予以公开184件,部分公开18件,不予公开8件,本机关无法提供57件,不予处理18件,其他处理22件,结转下年度继续办理13件。因政府信息公开工作申请行政复议0件,未经…",
        {
            "申请.新收": 317,
            "申请.上年结转": 3,
            "申请.予以公开": 184,
            "申请.部分公开": 18,
            "申请.不予公开": 8,
            "申请.无法提供": 57,
            "申请.不予处理": 18,
            "申请.其他处理": 22,
            "申请.结转下年": 13,
            "复议.总计": 0,
        },
        "29-every-outcome-in-the-next-sentence",
    ),
    case(
        "本年度共收到信息公开申请13件,其中通过昆明市政府信息依申请公开系统收到11件,局长信箱收到2件;予以公开2件,部分公开1件,本机关不掌握相关信息9件,其他处理1件,所有申请已按照规定予以答复。全年未收到以昆明市应急管理局为被申请人的政府信息公开行政复议案件和行政诉讼案件。",
        {
            "申请.新收": 13,
            "申请.予以公开": 2,
            "申请.部分公开": 1,
            "申请.其他处理": 1,
            "申请.无法提供.不掌握": 9,  # 本机关不掌握相关信息9件
            "复议.总计": 0,
            "诉讼.总计": 0,
        },
        "35-channels-then-outcomes-then-none-reviewed",
    ),
    case(
        "截至目前,2022年我区公开行政规范性文件2件,行政许可3606件,行政处罚499件,接收政府信息公开申请13件,产生行政复议及行政诉讼0件。",
        {"申请.新收": 13, "复议.总计": 0, "诉讼.总计": 0},
        "37-review-and-suit-zero-together",
    ),
    case(
        "2022年度我委收到信息公開(kāi)申請1條,因申請公開(kāi)的信息不屬於本機關(guān)掌握的相關(guān)政府信息",
        {"申请.新收": 1},
        "31-traditional-with-pinyin",
    ),
    case(
        "全市共接收政府信息公開申請14283件,較上年下降16.6%;答覆13870件(含上年結轉申請397件,另有810件順延到下年度答覆),均在法定期限內",
        {"申请.新收": 14283, "申请.上年结转": 397, "申请.办理总计": 13870, "申请.结转下年": 810},
        "23-traditional-replies-balance",
    ),
    case(
        "2013年全县共收到有关政府信息公开的申请7条，网上申请数3条，信函申请数4条；对依申请公开的答复总数3条，其中同意公开答复数2条，其它公开答复数1条；未收到有关政府信息公开行政复议申请。",
        {"申请.新收": 7, "申请.予以公开": 2, "复议.总计": 0},
        "03-replies-are-not-the-handled-total",
    ),
    case(
        "共收到政府信息公开申请12件，其中同意公开8件，同意部分公开2件，不予公开2件，已全部办结12件。",
        {"申请.新收": 12, "申请.予以公开": 8, "申请.部分公开": 2, "申请.不予公开": 2, "申请.办理总计": 12},
        "outcomes-inside-the-breakdown",
    ),
    case("全年共受理政府信息公开申请12件，均按时答复。", {"申请.新收": 12}, "accepted-is-received"),
    case("全年受理政府信息公开申请十二件。", {"申请.新收": 12}, "chinese-numerals"),
    case("依申请公开办理中，结转下年度继续办理1件。", {"申请.结转下年": 1}, "carried-on"),
    case(
        "收到政府信息公开申请13件(含上年结转2件)。",
        {"申请.上年结转": 2},
        "received-including-carried-is-not-new",
    ),
    case(
        "2020年市卫生健康委收到依申请信息公开6件,其中予以公开4件,部分公开1件,不予公开1件,均已按要求答复。",
        {"申请.新收": 6, "申请.予以公开": 4, "申请.部分公开": 1, "申请.不予公开": 1},
        "a12-application-words-in-another-order",
    ),
    case("2018年我办收到依申请公开共525件。", {"申请.新收": 525}, "c23-applications-as-a-bare-noun"),
    case("2025年共受理依申请公开17件,其中:不予公开3件。", {"申请.新收": 17, "申请.不予公开": 3}, "b18-accepted"),
    case("2021年,我局收到政府信息依申请公开办理事项1件,已在规定时间内办结答复。", {"申请.新收": 1},
         "d05-matters-handled-on-application"),  # fmt: skip
    case("2014年,我局收到12起政府信息依申请公开,均严格按程序和时限办理。", {"申请.新收": 12}, "c15-count-first"),
    case(
        "2023年,本街道共收到12件信息依申请公开,其中10件已经按时按规完成答复,剩余2件结转下年度继续办理。",
        {"申请.新收": 12, "申请.结转下年": 2},
        "d15-count-first-and-carried-on",
    ),
    case(
        "其中,依申请同意公开14件、部分公开1件,不予处理1件,结转下年度继续办理22件。",
        {"申请.予以公开": 14, "申请.部分公开": 1, "申请.不予处理": 1, "申请.结转下年": 22},
        "a11-outcomes-listed-each-with-its-count",
    ),
    # In a sentence about applications (so the outcome patterns are asked at all), one count
    # after two outcomes is neither's alone.
    case("全年受理政府信息公开申请50件,予以公开及部分公开42件。", {"申请.新收": 50}, "both-outcomes-counted-together"),
    case("全年受理政府信息公开申请50件,予以公开、部分公开42件。", {"申请.新收": 50},
         "both-outcomes-listed-then-one-count"),  # fmt: skip
    case("四、因政府信息公开申请行政复议或提起行政诉讼情况\n2018年,我办行政复议为5件。", {"复议.总计": 5},
         "c23-review-count-under-its-heading"),  # fmt: skip
]

NONE_RECEIVED = [
    case("2022年度未收到依申请公开政府信息。", {"申请.新收": 0}, "33-none-requested"),
    case("2025年我办未收到要求公开政府信息的申请。", {"申请.新收": 0}, "47-no-request-to-disclose"),
    case(
        "2016年度未接到有关政府信息公开方面的复议、诉讼和申诉。",
        {"复议.总计": 0, "诉讼.总计": 0},
        "09-no-review-suit-or-appeal",
    ),
    case(
        "2017年未收到有关政府信息公开行政复议、提起行政诉讼的申请。",
        {"复议.总计": 0, "诉讼.总计": 0},
        "04-no-review-or-suit",
    ),
    case(
        "2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。",
        {"申请.新收": 0, "复议.总计": 0},
        "05-suit-not-stated",
    ),
    case(
        "全年没有收到依申请公开政府信息的申请，也没有收到因申请信息公开而申请行政复议、提起诉讼或收到投诉举报的情况。",
        {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0},
        "seed004-none-at-all",
    ),
    # 收到1份…行政复议申请: the zone may have received it as the review body, so no count.
    case(
        "2013年全区未收到有关政府信息公开的申请，收到1份有关政府信息公开行政复议申请已及时处理。",
        {"申请.新收": 0},
        "02-review-application-received-is-not-a-count",
    ),
    case(
        "因政府信息公开工作申请行政复议0件,未经复议直接提起行政诉讼1件,复议后提起行政诉讼0件。",
        {"复议.总计": 0, "诉讼.直接起诉.总计": 1, "诉讼.复议后起诉.总计": 0},
        "suits-by-route-are-parts",
    ),
    case(
        "收到公开申请0件；因政府信息公开引发的行政诉讼0件。",
        {"申请.新收": 0, "诉讼.总计": 0},
        "seed000-zero-counts",
    ),
    case(
        "2013年1月1日至12月31日期间我局办公室未收到政府信息公开申请。",
        {"申请.新收": 0},
        "pt80774-dates-are-not-counts",
    ),
    case("2013年，我局收到以有关政府信息公开行政复议0件。", {"复议.总计": 0}, "pt80774-review-count"),
    case("年内,我局尚未收到权利人申请公开政府信息的申请。", {"申请.新收": 0}, "c03-who-applied-in-between"),
    case("全年未接到公民、法人和其他組織提出的政府信息公開申請。", {"申请.新收": 0}, "c07-applicants-named"),
    case("我局未收到和处理政府信息公开申请件。", {"申请.新收": 0}, "a03-received-and-handled"),
    case("2014年没有发生依申请信息公开事件。", {"申请.新收": 0}, "c14-no-such-event"),
    case("中心未收到依申请公开件。", {"申请.新收": 0}, "d03-no-case"),
    case("我镇未收到依申请公开请求。", {"申请.新收": 0}, "d09-no-request"),
    case("本年度我局无依申请公开政务信息情况。", {"申请.新收": 0}, "a23-none-on-application"),
    case("2015年我街道無依申請公開政府信息。", {"申请.新收": 0}, "c17-no-information-on-application"),
]

NOTHING_STATED = [
    case("2016年度未收到任何形式的有关信息公开方面的咨询。", {}, "09-enquiries-are-not-applications"),
    case(
        "截至12月14日，中国平潭网与区行政服务中心共同累计收件9898件，累计办结9542件。",
        {},
        "06-e-government-cases",
    ),
    case(
        "2011年制作、获取政府信息总数1873条，作为依申请公开信息数46条，不予公开信息数1402。",
        {},
        "05-kinds-of-information",
    ),
    case("推进行政执法信息公开,实施行政处罚25起,罚款64.20万元", {}, "35-penalties-in-prose"),
    case("受理依申请公开信息总数 条 0 0 行政复议数 条 0 0", {}, "05-statistics-table-line"),
    case(
        "受理政府信息依申请公开总数条00其中：1、当面申请数条002、网上申请数条00行政复议数件00行政诉讼数件00",
        {},
        "04-fused-statistics-table",
    ),
    case("一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", {}, "43-template-row"),
    case("共受理政府信息公开申请10余件。", {}, "approximate"),
    case("今年我局共受理审批事项117件，办结171件，办结率100%。", {}, "pt80774-approvals-handled"),
    case("截至目前共收到15564件咨询投诉件，已办结15042件。", {}, "pt80529-complaints-handled"),
    case(
        "全年共受理政府信息公开申请5件，受理行政审批事项300件，办结300件。",
        {"申请.新收": 5},
        "approvals-handled-beside-applications",
    ),
    case("全年行政复议案件3件。", {}, "review-without-disclosure"),
    # No case lost is not no case: the same report's table has 55 reviews and 34 suits.
    case(
        "市政府共受理政府信息公开申请1295件。全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
        {"申请.新收": 1295},
        "sh2025-no-review-corrected-nor-suit-lost",
    ),
    case("该行政复议件未被复议审查机关纠错。", {}, "kewei2024-review-not-corrected"),
    case("无法提供的政府信息，依法告知申请人。", {}, "no-number"),
    case("", {}, "empty"),
    case("未收到群众对依申请公开工作的投诉。", {}, "complaints-about-the-work-are-not-applications"),
    case("四、因政府信息公开申请行政复议情况\n2018年,我办受理行政复议案件12件。\n全年办结34件。", {"复议.总计": 12},
         "a-heading-lends-its-subject-to-the-next-sentence-only"),  # fmt: skip
]


@pytest.mark.parametrize(("text", "expected"), TOTALS_OF_PROACTIVE_DISCLOSURE)
def test_one_total_of_proactive_disclosure_is_read(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text) == (expected, [])


@pytest.mark.parametrize(("text", "expected"), NOT_TOTALS_OF_PROACTIVE_DISCLOSURE)
def test_parts_and_other_counts_are_not_the_total(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text) == (expected, [])


@pytest.mark.parametrize(("text", "expected"), APPLICATIONS)
def test_application_counts(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text) == (expected, [])


@pytest.mark.parametrize(("text", "expected"), NONE_RECEIVED)
def test_none_received_is_zero(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text) == (expected, [])


@pytest.mark.parametrize(("text", "expected"), NOTHING_STATED)
def test_sentences_that_state_nothing(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text) == (expected, [])


def test_total_smaller_than_its_part_is_left_out_with_a_warning() -> None:
    """19: 主动公开信息19条,其中向政府网站推送35条 contradicts itself."""
    text = "二是充分发挥政府门户网站作为我委主动公开信息的主渠道作用,主动公开信息19条,其中向政府网站推送35条,涉及国资监管信息35条。"
    assert stated_in_prose(text) == ({}, ["主动公开.条数: 19 is less than a part of it (35); left out"])


def test_disagreeing_sentences_are_left_out_with_a_warning() -> None:
    """Two sentences stating different totals for the year: neither is trusted."""
    found, warnings = stated_in_prose("2012年主动公开政府信息1913条。全年主动公开政府信息3636条。")
    assert found == {}
    assert warnings == [
        "主动公开.条数: sentences disagree (1913 in “2012年主动公开政府信息1913条”; "
        "3636 in “全年主动公开政府信息3636条”); left out"
    ]


def test_a_sub_count_and_its_outcomes_are_not_the_whole() -> None:
    found, warnings = stated_in_prose(
        "全年共受理政府信息公开申请12件。其中区本级受理政府信息公开申请5件，均已予以公开5件。"
    )
    assert (found, warnings) == ({"申请.新收": 12}, [])


def test_same_value_twice_is_not_a_conflict() -> None:
    text = "未收到政府信息公开申请。全年收到政府信息公开申请0件。"
    assert stated_in_prose(text) == ({"申请.新收": 0}, [])


def test_replies_become_the_handled_total_only_when_the_balance_holds() -> None:
    text = "全市共接收政府信息公开申请14283件;答复13870件(含上年结转申请397件,另有800件顺延到下年度答复)"
    assert stated_in_prose(text) == ({"申请.新收": 14283, "申请.上年结转": 397, "申请.结转下年": 800}, [])


def test_keys_are_registry_facets() -> None:
    text = (
        "全年主动公开政府信息224条。共收到政府信息公开申请12件，上年结转政府信息公开申请1件，同意公开8件，"
        "部分公开2件，不予公开2件，无法提供1件，不予处理0件，其他处理0件，办结13件，结转下年度0件。"
        "未发生政府信息公开行政复议、行政诉讼。制发规范性文件3件。"
    )
    found, _ = stated_in_prose(text)
    assert len(found) == 14
    # 主动公开.条数 is stated in prose only; the registry is to list it with the spec.
    assert set(found) - {"主动公开.条数"} <= set(facets())


def test_former_name_still_answers() -> None:
    assert extract_freeform_facets("共收到政府信息公开申请3件。") == ({"申请.新收": 3}, [])


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        # 2017年全区主动公开政府信息2122条 … 2017年未收到有关政府信息公开申请 … 行政复议、提起行政诉讼的申请
        ("04", {"主动公开.条数": 2122, "申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 其中主动公开政府信息425条 … 未收到有关政府信息公开的申请，未收到…行政复议申请 (诉讼 not stated)
        ("05", {"主动公开.条数": 425, "申请.新收": 0, "复议.总计": 0}),
        # 2012年主动公开政府信息1913条 (its statistics table says 739: the table wins in the pipeline)
        ("06", {"主动公开.条数": 1913, "申请.新收": 0, "复议.总计": 0}),
    ],
)
def test_whole_real_reports(report: str, expected: dict[str, int]) -> None:
    (path,) = (DATA / "real").glob(f"{report}*.txt")
    assert stated_in_prose(path.read_text(encoding="utf-8")) == (expected, [])


def test_tables_win_over_prose_with_a_warning() -> None:
    """02: the statistics table says 72804, the prose 2013年主动公开政府信息4970条."""
    merged, warnings = prefer_tables(
        {"主动公开.条数": 72804, "申请.新收": 0}, {"主动公开.条数": 4970, "复议.总计": 0}
    )
    assert merged == {"主动公开.条数": 72804, "申请.新收": 0, "复议.总计": 0}
    assert warnings == ["主动公开.条数: table says 72804, prose says 4970; the table's 72804 is kept"]


def test_disputed_keys_can_be_left_out() -> None:
    merged, warnings = prefer_tables(
        {"主动公开.条数": 739}, {"主动公开.条数": 1913, "申请.新收": 0}, keep_disputed=False
    )
    assert merged == {"申请.新收": 0}
    assert warnings == ["主动公开.条数: table says 739, prose says 1913; left out"]


def test_agreeing_table_and_prose_give_no_warning() -> None:
    assert prefer_tables({"申请.新收": 7}, {"申请.新收": 7}) == ({"申请.新收": 7}, [])


def test_a_count_the_text_dates_to_another_year_is_not_the_reports() -> None:
    # c10: 涵江区卫生局's report on 2011 gives 2010's figure; an aside's year does not count
    assert stated_in_prose("2010年度主动公开政府信息54条。", 2011) == ({}, [])
    assert stated_in_prose("2010年度主动公开政府信息54条。", 2010) == ({"主动公开.条数": 54}, [])
    # a04, the report on 2020: the aside's year is the one carried over from, the year before
    text = "全区共办理政府信息公开申请114件(含2019年结转18件),办结113件。"
    assert stated_in_prose(text, 2020)[0] == {"申请.上年结转": 18, "申请.办理总计": 113}
    assert stated_in_prose("《条例》自2019年5月15日起施行。全年主动公开政府信息30条。", 2020)[0] == {"主动公开.条数": 30}


def test_a_running_total_up_to_a_day_is_not_the_years() -> None:
    # a07: 绥宁县 on 2019; 33 (from … to … 累计) is the year's own total
    assert stated_in_prose("截至2019年12月底,累计主动公开政府信息10220条,其中政务动态信息4792条。", 2019) == ({}, [])
    text = "从2022年1月1日起至2022年12月31日止,我委在市政府门户网站累计发布政务信息2035篇。"
    assert stated_in_prose("(一)主动公开情况。" + text, 2022)[0] == {"主动公开.条数": 2035}


def test_a_count_per_channel_is_no_one_total() -> None:
    # f04: 钟祥镇 2019, each channel in its own part of the sentence
    text = ("2019年度,我镇在县人民政府外网主动公开政府信息数13条(其中:乡镇动态11条,财政预算决算2条);"
            "在大美仁寿APP公开发布内容26条;在信息公示栏、宣传展板公开内容145条。")  # fmt: skip
    assert stated_in_prose(text, 2019) == ({}, [])
    # f08: the channels after 其中 are the total's parts
    text = ("2020年和平街道主动公开政府信息73条,其中依托梅河口市政府网站主动公开信息73条;"
            "通过政务微信公众号公开政府信息73条;通过政务公开栏公开政府信息73条。")  # fmt: skip
    assert stated_in_prose(text, 2020)[0] == {"主动公开.条数": 73}


def test_what_the_year_added_beside_a_running_total() -> None:
    # g05: 越溪乡 2012
    text = "截至2012年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。"
    assert stated_in_prose(text, 2012)[0] == {"主动公开.条数": 94}
    assert stated_in_prose("本单位到目前累计主动公开政府信息100条。", 2014) == ({}, [])  # g07


def test_one_channels_count_beside_the_others_is_no_total() -> None:
    # h11 山东省机关事务管理局 2022, h16 河南省发展和改革委员会 2022
    text = "全年局门户网站主动公开信息2978条,政务微信321条,政务微博260条,抖音号79条。"
    assert stated_in_prose(text, 2022) == ({}, [])
    # without a channel named, the clauses after the total are its parts (09 吴江区龙归镇 2016)
    text = "2016年度共主动公开政府信息25条,在主动公开的信息中,工作动态信息5条,财政预决算信息19条。"
    assert stated_in_prose(text, 2016)[0] == {"主动公开.条数": 25}


def test_one_channels_count_is_the_total_where_the_part_counts_no_other() -> None:
    # m18 旧堡街道 2023: the only channel the part counts
    heading = "(一)主动公开情况\n"
    text = "2023年,旧堡街道办事处通过铁东区门户网站公开信息59条,其中发布街道工作动态类信息30条。"
    assert stated_in_prose(heading + text, 2023) == ({"主动公开.条数": 59}, [])
    # zo77 保山市卫生健康委 2024: a platform is a channel
    text = "2024年,市卫生健康委通过政府信息公开平台发布各类信息共155条。其中政策类文件8条。"
    assert stated_in_prose(heading + text, 2024) == ({"主动公开.条数": 155}, [])
    # another channel counted in the same part: neither is the whole
    more = "通过微信公众号发布信息100条。"
    assert stated_in_prose(heading + text + more, 2024) == ({}, [])
    # u08 咸宁市生态环境局 2023: two channels in one sentence
    text = "2023年我局微信公众号发布信息438条,官方微博发布信息516条,召开新闻发布会2场。"
    assert stated_in_prose(heading + text, 2023) == ({}, [])
    # u07 新疆生态环境厅 2023: the disclosed information is one part of what the site posted
    text = "2023年,自治区生态环境厅门户网站发布各类信息5489条,其中,主动公开文件数232条,重要通知公告33条。"
    assert stated_in_prose(heading + text, 2023) == ({}, [])
    # 平潭 2025: the sentence counts other things too (7700余条, 2000余条)
    text = ("2025年,通过实验区政府门户网站累计主动公开政府信息7700余条,公开重点领域信息2000余条,"
            "通过“平潭发布”公众号发布信息672条,有效保障群众知情权。")  # fmt: skip
    assert stated_in_prose(heading + text, 2025) == ({}, [])
    # outside a part on 主动公开, a channel's count says nothing of the whole
    assert stated_in_prose("(五)平台建设\n2023年,通过门户网站公开信息59条。", 2023) == ({}, [])
    # counted in 件 or in Chinese numerals (a review read the first as a crash)
    assert stated_in_prose(heading + "2023年,通过门户网站公开信息59件。", 2023) == ({"主动公开.条数": 59}, [])
    assert stated_in_prose(heading + "2023年,通过门户网站公开信息五十九条。", 2023) == ({}, [])


def test_a_total_to_the_years_last_day_in_reports_since_2021() -> None:
    # zo04 山城镇 2022: the year's, its channels' parts following
    text = "截止2022年12月31日,山城镇政府累计主动公开政府信息945条。其中,网上公开信息134条,微信公开452条。"
    assert stated_in_prose(text, 2022) == ({"主动公开.条数": 945}, [])
    # before 2021 such totals mostly run from 2008 (a07 绥宁县 2019, test above); another
    # year's day is no year's end of this report
    assert stated_in_prose(text, 2019) == ({}, [])
    assert stated_in_prose(text, 2023) == ({}, [])
    # a sentence stating the year's own count wins (zb75 衡阳市水利局 2020 states both)
    year_s = "2022年主动公开政府信息470条。"
    assert stated_in_prose(year_s + text, 2022) == ({"主动公开.条数": 470}, [])


def test_the_bodys_own_information_disclosed() -> None:
    # zo05 沙德格苏木 2021, f13 长桥乡 2019, d15 长河街道 2023
    text = "2021年,我苏木在“巴彦淖尔市政务公开”主动公开沙德格苏木政府信息28条。"
    assert stated_in_prose(text, 2021) == ({"主动公开.条数": 28}, [])
    assert stated_in_prose("主动公开长桥乡人民政府信息57条:其中部门公告4条。", 2019)[0] == {"主动公开.条数": 57}
    assert stated_in_prose("本街道在政府官网上主动公开街道信息423条,其中工作总结1条。", 2023)[0] == {"主动公开.条数": 423}


def test_the_last_of_several_channels_is_no_total() -> None:
    # zp20 邓州市 2023, p01 四川省气象局 2012: each channel its own count, in one sentence
    text = "2023年,我市通过市政府网站主动公开各类政务信息2510条,通过政务新媒体主动公开各类政务信息228条。"
    assert stated_in_prose(text, 2023) == ({}, [])


def test_the_zp_rounds_wordings() -> None:
    # zp60 周家桥街道 2023: the 公文 among the information, with their disclosure rate
    heading = "(一)主动公开方面\n"
    text = "全年街道公开政府信息43条,其中主动公开公文信息2条,主动公开率100%。"
    assert stated_in_prose(heading + text, 2023) == ({"主动公开.条数": 43}, [])
    # zp04 老河口市 2022: cases handled in a breakdown are no items of it
    text = ("我市2022年在老河口市政府门户网站政府信息公开专栏里主动公开各类信息5836条,其中,公开规范性文件5条,"
            "在办事服务栏目,公开我市全程在线办理政务服务事项1970条,办件量总数26808件。")  # fmt: skip
    assert stated_in_prose(text, 2022) == ({"主动公开.条数": 5836}, [])
    # zp52 莆田市体育局 2021 (traditional): counts after 是
    text = "(二)依申請公開受理情況\n2021年受理依申請公開政府信息是0件。因政府信息公開申請引起的行政複議、提起行政訴訟數量是0件。"
    assert stated_in_prose(text, 2021) == ({"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}, [])
    # zp61 北杜街道 2023: a year before 全年, no count; zp13 西平县 2021: 政府信息申请
    assert stated_in_prose("2023全年未收到政府信息公开申请。", 2023) == ({"申请.新收": 0}, [])
    assert stated_in_prose("2021年没有受理政府信息申请情况。", 2021) == ({"申请.新收": 0}, [])
    # zp20 邓州市 2023: every way of applying named between receiving and the applications
    text = "2023年,共收到信件和在线依申请公开共计22件,答复22件,答复率100%。"
    assert stated_in_prose(text, 2023)[0] == {"申请.新收": 22}
    assert stated_in_prose("2023年,共收到在线依申请公开22件。", 2023) == ({}, [])  # one way's count


def test_every_application_handled_is_the_total_handled() -> None:
    # zq13 崇川区数据局 2025: 均…办结 after the count received; the outcomes in the next sentence
    # after 经审核分类办理, past a sentence on how they came (申请渠道…)
    text = ("全年共接收公民、法人及其他组织政府信息公开申请17件,均在法定期限内办结。申请渠道以信函申请为主(11件),"
            "网络申请6件。经审核分类办理,予以公开2件、部分公开5件。")  # fmt: skip
    assert stated_in_prose(text, 2025) == ({"申请.新收": 17, "申请.办理总计": 17, "申请.予以公开": 2, "申请.部分公开": 5}, [])
    # zq14 钦州市市场监管局 2025: the count first, the outcomes in an aside
    text = "全年共收到政府信息公开申请5件。经核查办理,5件申请均在法定期限内办结,办结率100%(部分公开1件,无法提供4件)。"
    assert stated_in_prose(text, 2025)[0] == {"申请.新收": 5, "申请.办理总计": 5, "申请.部分公开": 1, "申请.无法提供": 4}
    # zq12 滨湖区数据局 2025: a quoted title between 均已 and 答复完毕; reviews and suits 均为零
    text = "全年收到政府信息公开申请共3件,均已按照《中华人民共和国政府信息公开条例》等有关规定答复完毕。因信息公开工作被申请行政复议及提起行政诉讼情况均为零。"  # fmt: skip
    assert stated_in_prose(text, 2025)[0] == {"申请.新收": 3, "申请.办理总计": 3, "复议.总计": 0, "诉讼.总计": 0}
    # a carry-over stated: 均办结 may or may not count it, so no total handled
    text = "全年共收到政府信息公开申请17件,上年结转2件,均在法定期限内办结。"
    assert stated_in_prose(text, 2025) == ({"申请.新收": 17, "申请.上年结转": 2}, [])


def test_the_replies_balance_without_a_stated_carry_over() -> None:
    # zq09 梁溪区城管局 2025: 8 received = 6 answered + 2 carried on
    text = "2025年,我局共收到政府信息公开申请8件,作出政府信息公开答复6件,在期限内结转下年度继续办理2件。"
    assert stated_in_prose(text, 2025)[0] == {"申请.新收": 8, "申请.办理总计": 6, "申请.结转下年": 2}
    # zq62 长春市人民政府办公厅 2024: 答复…申请98件 and the outcomes 所有答复件中
    text = ("2024年,共受理政府信息公开申请95件。答复政府信息公开申请98件(含上年度转结申请8件,另有5件申请转结下年度继续办理),"
            "均按规定在法定期内予以答复。所有答复件中,不予公开的1件,占1.02%;因本机关不掌握等原因无法提供的49件,占50%;其他处理6件。")  # fmt: skip
    assert stated_in_prose(text, 2024)[0] == {"申请.新收": 95, "申请.上年结转": 8, "申请.结转下年": 5, "申请.不予公开": 1,
                                              "申请.无法提供": 49, "申请.其他处理": 6, "申请.办理总计": 98}  # fmt: skip


def test_the_zq_rounds_wordings() -> None:
    # zq07 广州市医保局 2025: a review still pending
    text = "全年共受理依申请公开申请22件。收到与政府信息公开申请相关的行政复议1件,尚未审结;无相关行政诉讼。"
    assert stated_in_prose(text, 2025) == ({"申请.新收": 22, "复议.总计": 1, "复议.未审结": 1, "诉讼.总计": 0}, [])
    # zq08 榕城区医保局 2025: 公开政府信息的申请 is about applications, 不涉及 says none
    text = "此外,未收到任何公民、法人或其他组织提出的公开政府信息的申请,也不涉及行政复议和行政诉讼。"
    assert stated_in_prose(text, 2025) == ({"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}, [])
    # zq53 乌达区 2018: channels listed and closed by 等公众媒体
    text = "二、主动公开政府信息情况\n2018年,我区通过政府门户网站、微博、微信公众号等公众媒体发布信息26280条。其中:通过政府网站发布信息20340条。"
    assert stated_in_prose(text, 2018)[0] == {"主动公开.条数": 26280}
    # zq02 建瓯市应急管理局 2024: an account's count since it began is no channel of the year's
    text = ("(一)主动公开情况。\n2024年,建瓯市应急管理局通过政府门户网站主动公开政府信息8条;"
            "“建瓯应急管理”微信公众号开通至今,粉丝累计5693人,累计发布508条图文信息。")  # fmt: skip
    assert stated_in_prose(text, 2024)[0] == {"主动公开.条数": 8}


def test_the_zr_rounds_wordings() -> None:
    # zr13 小龙坎街道 2023: 内容包括 opens the parts; the site's 法定主动公开内容 column is one of them
    heading = "(一)主动公开政府信息情况\n"
    text = "2023年,小龙坎街道通过网站公开信息346条,内容包括日常工作情况240条、法定主动公开内容36条、基层政务公开70条。"
    assert stated_in_prose(heading + text, 2023) == ({"主动公开.条数": 346}, [])
    # zr40 宿城区民政局 2018: the total is one channel's, its parts, then another channel's count
    text = ("2018年度,我局通过宿城区人民政府门户网站主动公开信息共计106条,其中机构信息6条,通知公告21条;"
            "通过宿城区民政局微信公众号主动公开信息共计41条。")  # fmt: skip
    assert stated_in_prose(text, 2018) == ({}, [])
    # zr46 铜鼓公路分局 2017: every applicant named, at more length; zr33 三川镇 2025: 收到处理
    assert stated_in_prose("2017年,没有公民、法人和其他团体向我局申请公开政府信息。", 2017) == ({"申请.新收": 0}, [])
    assert stated_in_prose("2025年,我镇收到处理政府信息公开申请0件。", 2025) == ({"申请.新收": 0}, [])
    # zr44 华容县交通运输局 2017, v19 东台市 2013: counts called 数量 and 数
    text = "2017年度依申请公开信息0件,行政复议数量0件,行政诉讼0件。"
    assert stated_in_prose(text, 2017)[0] == {"复议.总计": 0, "诉讼.总计": 0}
    text = "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度申请行政复议数4件、提起行政诉讼数7件。"
    assert stated_in_prose(text, 2013)[0] == {"复议.总计": 4, "诉讼.总计": 7}


def test_none_received_and_none_made_in_more_words() -> None:
    # zo78 兰州新区经济合作局 2023
    text = "2023年未收到依申请公开事宜。2023年,未制定印发新的行政规范性文件。"
    assert stated_in_prose(text, 2023) == ({"申请.新收": 0, "规范性文件.本年制发": 0}, [])


def test_no_applications_from_some_applicants_is_not_none_at_all() -> None:
    # i12 平武县统计局 2021: natural persons are left out
    assert stated_in_prose("未收到法人或者其他组织对依申请公开政府信息的申请。") == ({}, [])
    assert stated_in_prose("未收到公众、法人或其他组织对政府信息公开的申请。") == ({"申请.新收": 0}, [])


def test_a_running_total_since_the_regulations_beside_the_years() -> None:
    # h15 青岛市 2018
    text = "全年新增主动公开政府信息449248条。《条例》颁布实施以来,累计主动公开政府信息2841340条。"
    assert stated_in_prose(text, 2018)[0] == {"主动公开.条数": 449248}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年依申请公开共受理2件。", {"申请.新收": 2}),  # j15: the applications first
        ("行政复议案0件;因政府信息公开引起的行政诉讼案0件。", {"复议.总计": 0, "诉讼.总计": 0}),  # j14
        ("全年收到政府信息公开申请557件,依法依规办结的551件。", {"申请.新收": 557, "申请.办理总计": 551}),  # h22
    ],
)
def test_third_round_wordings(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text)[0] == expected


def test_every_kind_of_applicant_named_before_the_applications() -> None:
    # a page held out from the bundled ones (三河市, 2023)
    assert stated_in_prose("2023年收到公民、法人和其他组织提交的政府信息公开申请93件。")[0] == {"申请.新收": 93}
    assert stated_in_prose("2023年收到法人提交的政府信息公开申请3件。") == ({}, [])  # one kind's count


def test_a_running_total_in_a_sentence_that_names_no_time() -> None:
    # l11 乐山高新区管委会 2010: 累计 with no year is the running total, 新增 the year's
    text = "高新区管委会累计主动公开政府信息272条。2010年新增主动公开政府信息57条,其中,部门新闻类10条。"
    assert stated_in_prose(text, 2010) == ({"主动公开.条数": 57}, [])
    # a year or 全年 in the sentence makes 累计 the year's sum
    assert stated_in_prose("2020年,全镇累计主动公开政府信息114条。", 2020)[0] == {"主动公开.条数": 114}
    assert stated_in_prose("全年累计主动公开政府信息30条。", 2020)[0] == {"主动公开.条数": 30}


def test_what_became_of_the_applications_in_the_next_sentence() -> None:
    # k09 三河市燕郊高新区 2023: the outcomes follow in a sentence that does not say 申请 first
    text = ("2023年,收到公民、法人和其他组织提交的政府信息公开申请93件。"
            "当年办结93件,结转至2024年办理0件,申请撤回0件,不予公开32件。")  # fmt: skip
    assert stated_in_prose(text, 2023)[0] == {
        "申请.新收": 93, "申请.办理总计": 93, "申请.结转下年": 0, "申请.不予公开": 32,
    }  # fmt: skip
    # after a sentence on something else, 办结 counts nothing
    assert stated_in_prose("全年受理群众来电120件。当年办结118件。", 2023) == ({}, [])


def test_proactively_published_and_disclosed() -> None:
    # k13 天津市东丽区教育局 2019: 主动发布公开信息, the only total (a WeChat account's 件 are its own)
    text = "全年通过东丽区政府信息公开网站主动发布公开信息424件,通过微信公众号刊发基层信息933件。"
    assert stated_in_prose(text, 2019)[0] == {"主动公开.条数": 424}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # g19 东城区东直门街道 2017 and h21 西安市 2021: 申请 alone, in a part or sentence on applications
        ("三、政府信息依申请公开情况\n本街道2017年共收到申请2件,均按时办结。", {"申请.新收": 2, "申请.办理总计": 2}),
        ("依法规范办理政府信息公开申请,全年共收到申请9695件。", {"申请.新收": 9695}),
        ("三、依申请公开政府信息和不予公开政府信息情况\n我镇2016年度无申请。", {"申请.新收": 0}),  # c19
        ("(二)依申请公开。2022年,我镇未接收受理过依申请公开。", {"申请.新收": 0}),  # m03 荫子镇
        ("本年度我未收到社会公众提出的政府信息公开申请。", {"申请.新收": 0}),  # n05: the public is everyone
        ("2024年,沌口街道接到2项政府信息公开的申请。", {"申请.新收": 2}),  # m05: the count first, in 项
        ("2021年,我局收到1项依申请公开事项。", {"申请.新收": 1}),  # p23
        ("(二)依申请公开\n本年度无受理政府信息公开申请情况。", {"申请.新收": 0}),  # o06
        ("本年度未收到个人、法人或者其他组织向本机关申请公开政府信息。", {"申请.新收": 0}),  # p07
        ("2021年度,区公安分局依申请公开受理和办结6件。", {"申请.新收": 6, "申请.办理总计": 6}),  # p08
        ("2011年度,兰州市共收到申请政府信息公开26件(次)。", {"申请.新收": 26}),  # o14
        ("2023年度我局共受理依申请政府信息公开5件,其中规划许可类3件。", {"申请.新收": 5}),  # m15
        ("2025年共收到公民、法人依申请公开事项55件。", {"申请.新收": 55}),  # m27: both kinds named
        ("2024年,全区共受理依申请公开案件315件。", {"申请.新收": 315}),  # m28
    ],
)
def test_fifth_round_application_wordings(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text)[0] == expected


def test_bare_applications_need_a_sentence_about_them() -> None:
    assert stated_in_prose("全年共受理申请5000件。") == ({}, [])  # which applications is not said
    assert stated_in_prose("三、依申请公开\n2018年受理行政许可申请300件。") == ({}, [])


def test_the_outcomes_in_the_sentence_after_a_named_carry_over_year() -> None:
    # n01 广州市政务服务数据管理局 2019: 结转2020年 names the next year, not the year reported on
    text = ("2019年,我局共受理依申请公开136件,按时办结130件,结转2020年继续办理的6件。"
            "同意公开107件,部分公开7件、不予公开6件。")  # fmt: skip
    assert stated_in_prose(text, 2019)[0] == {
        "申请.新收": 136, "申请.办理总计": 130, "申请.结转下年": 6,
        "申请.予以公开": 107, "申请.部分公开": 7, "申请.不予公开": 6,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # n12 宜川路街道 2020: the year's new items beside the running total
        ("2020年累计主动公开政府信息275条,全文电子化率达100%,其中,本年度新增的主动公开政府信息32条。", 2020, 32),
        ("(一)主动公开政府信息的数量共192条。", 2013, 192),  # n08
        ("2013年度我镇在主动公开政府信息件数为123件,处理市政府网网上投诉件36只。", 2013, 123),  # n09
        ("截至2024年12月31日,我镇政府信息公开全年累计主动公开政府信息222条。", 2024, 222),  # o13: 全年
        ("全年共主动公开信息1088条:通过政务网站主动公开信息869条,其中政务动态300条。", 2024, 1088),  # m22
        ("主动公开政府信息,全年公布政府信息12条,其中更新领导信息1条。", 2024, 12),  # m05
        # n06 三亚市天涯区 2020: under the part's numbered heading, a sentence later
        ("(一)持续做好政府信息主动公开工作。根据部署,及时更新指南。2020年,天涯区在政府信息公开专栏发布政府信息165条。",
         2020, 165),
    ],
)
def test_fifth_round_proactive_totals(text: str, year: int, expected: int) -> None:
    assert stated_in_prose(text, year)[0] == {"主动公开.条数": expected}


def test_a_channels_count_further_into_the_part_is_not_the_total() -> None:
    # h26 鞍山市 2018: the gazette's count, two sentences under 二、主动公开政府信息情况
    text = ("二、主动公开政府信息情况\n2018年,我市各级政府共公开信息38482条,其中,市政府网站公开政府信息11268条。\n"
            "二是通过政府公报公开政府信息。2018年,市政府办公厅印发政府公报10期,公开政府信息107条。")  # fmt: skip
    assert stated_in_prose(text, 2018)[0] == {"主动公开.条数": 38482}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # r03 天津市审批办 2015: the year's count beside a running total in one sentence
        ("本年度主动公开政府信息48条,已累计公开政府信息189条。", 2015, {"主动公开.条数": 48}),
        ("2018年,主动公开政务信息累计42条。其中,政务微信信息24条。", 2018, {"主动公开.条数": 42}),  # r12
        ("2015年,我辦共主動公開政府資訊40條。", 2015, {"主动公开.条数": 40}),  # r19: a mirror's 資訊
        ("本年度,我街道共制发政府信息130件,其中主动公开18件,不予公开112件。", 2023, {"主动公开.条数": 18}),  # s03
        ("2021年制作、获取的政府信息总数78条,其中:主动公开文件数60条,依申请公开文件数0条。", 2021,
         {"主动公开.条数": 60}),  # t07
        # t06 石狮市鸿山镇 2021: a list's category line names no total
        ("2021年度,主动公开政府信息8条。3.应主动公开的其他信息:主要公开其他信息,本年度新增信息3条。", 2021,
         {"主动公开.条数": 8}),
        ("2022年我镇未收到公众提出的相关政府信息公开申请。", 2022, {"申请.新收": 0}),  # t01: the public
        ("接收政府信息公开申请件共4件,其中公民个人申请2件。", 2023, {"申请.新收": 4}),  # t08
        ("2025年夏阳街道收到政务公开申请11件。", 2025, {"申请.新收": 11}),  # t14
        ("本年度收到申请政府信息公开请求1件。", 2025, {"申请.新收": 1}),  # t16
        ("2021年受理依申请公开件9件。", 2021, {"申请.新收": 9}),  # t17
        ("2023年,共受理政府信息公开申请16件,上年结转政府信息公开办理数量1件,共办结政府信息公开申请16件。", 2023,
         {"申请.新收": 16, "申请.上年结转": 1, "申请.办理总计": 16}),  # t10
        ("本年度共收到和处理依申请公开63件,下年结转件2件。", 2023, {"申请.新收": 63, "申请.结转下年": 2}),  # t09
        # t18: "未发生…" right after the applications' sentence is about them
        ("本年度我镇收到社会公众提出的政府信息公开申请1条,已在规定时限内答复。未发生被行政复议、行政诉讼的情况。", 2022,
         {"申请.新收": 1, "复议.总计": 0, "诉讼.总计": 0}),
        ("2020年收到公民、法人向元坝镇人民政府提交的政府信息公开申请1件,均未引起行政复议和行政诉讼。", 2020,
         {"申请.新收": 1, "复议.总计": 0, "诉讼.总计": 0}),  # q20
    ],
)
def test_sixth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_a_sentence_goes_on_only_with_one_about_applications() -> None:
    # "未发生…复议、…诉讼" after the applications' sentence is about them; after another, not
    text = "本年度收到政府信息公开申请2件。未发生被行政复议、行政诉讼的情况。"
    assert stated_in_prose(text, 2022)[0] == {"申请.新收": 2, "复议.总计": 0, "诉讼.总计": 0}
    assert stated_in_prose("全年开展执法检查12次。未发生被行政复议、行政诉讼的情况。", 2022) == ({}, [])
    # nor after one that only a heading made about applications (its own words name reviews)
    text = "四、因政府信息公开申请行政复议情况\n2018年,我办受理行政复议案件12件。\n结转下年度3件。"
    assert stated_in_prose(text, 2018)[0] == {"复议.总计": 12}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # u04 嘉兴市人民政府办公室 2022: the outcomes, then the carry-over, each in a sentence of its own
        ("共收到政府信息公开申请58件,上年结转3件。目前依法办结59件,其中予以公开的18件,部分公开的2件。"
         "结转下年度继续办理的2件。", 2022,
         {"申请.新收": 58, "申请.上年结转": 3, "申请.办理总计": 59, "申请.予以公开": 18, "申请.部分公开": 2,
          "申请.结转下年": 2}),
        # u03 渭南: the rest carried to a named year; 办理55件 unread, no carried-over count to check it
        ("共收到依申请公开57件。市政府办公室全年共办理依申请公开55件。剩余4件转2023年办理。", 2022,
         {"申请.新收": 57, "申请.结转下年": 4}),
        # u15 眉山: 结转上年, 下年度继续办理, and 办理 where 164 + 2 = 85 + 81
        ("我局收到依申请公开164件,结转上年2件;办理85件,下年度继续办理81件。", 2022,
         {"申请.新收": 164, "申请.上年结转": 2, "申请.办理总计": 85, "申请.结转下年": 81}),
        ("省交通运输厅共收到依申请公开16项,办理15项,结转下年度继续办理1项。", 2021,
         {"申请.新收": 16, "申请.办理总计": 15, "申请.结转下年": 1}),  # u05: 16 = 15 + 1, no carry-over could add up
        ("本年度共办结依申请政府信息公开事项23件,其中予以公开7件。", 2020, {"申请.办理总计": 23, "申请.予以公开": 7}),
        ("(二)依申请公开工作情况\n全年共接到4份公开申请。", 2019, {"申请.新收": 4}),  # u14: 份
    ],
)
def test_seventh_round_application_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年共收到和办理依申请公开9件,全部为自然人申请。",  # e20: received and handled, one count
        "全区各行政机关共办理政府信息公开申请114件(含2019年结转18件)。",  # a04: all handled, carried included
        "2023年共受理政府信息公开申请16件,上年结转政府信息公开办理数量1件。",  # t10
        "依申请公开1件,重复申请0件,不予办理0件。",
        "建议提案办理1条,占信息公开总量的1.75%。",  # f13: other cases
    ],
)
def test_handled_is_read_only_where_it_counts_the_applications_handled(text: str) -> None:
    assert "申请.办理总计" not in stated_in_prose(text, 2023)[0]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 府谷县政府办 2022: 申请公开 alone in a sentence about applications
        ("2022年,收到申请公开21条,办结21条。", 2022, {"申请.新收": 21, "申请.办理总计": 21}),
        # 宁国 青龙乡 2015: the applicants' request named as a 情况
        ("2015年,我乡没有收到申请人要求公开政府信息的情况。", 2015, {"申请.新收": 0}),
        # 陕西省政府办公厅 2022 (a traditional mirror): every review upheld
        ("全年辦理政府信息公開類行政復議7件,均獲維持;行政訴訟8件,除1件尚未審結外,其他均獲勝訴。", 2022,
         {"复议.总计": 7, "复议.维持": 7, "诉讼.总计": 8}),
        # 黄石市环保局 2018: 共计公开各类信息 under a 主动公开 heading
        ("二、突出重点,主动公开\n2018年,市环保局共计公开各类信息2936条(不同渠道和方式公开相同信息计1条),其中发布新闻动态392条。",
         2018, {"主动公开.条数": 2936}),
        # since the report's own year began, not since another's
        ("二、主动公开\n2013年以来,本局主动公开政府信息280条。", 2013, {"主动公开.条数": 280}),
        ("二、主动公开\n2010年以来,本局主动公开政府信息280条。", 2013, {}),
    ],
)
def test_eighth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kinds listed and closed by 等
        ("(一)主动公开信息情况\n2023年,北戴河区人民政府办公室主动公开最新要闻、视频新闻、公示公告、重大会议、政策文件等信息1384条。",
         1384),
        # channels listed and closed by 等, under the heading; its parts after 其中
        ("(一)主动公开方面。全年通过门户网站、微信公众号、微博等渠道公开各类信息1812条,其中行政规范性文件13件。", 1812),
        ("(一)主动公开\n围绕户籍政策、社会救助、公共法律、劳动保障等领域公开各类信息10条。", 10),
        # a list that is one kind of several
        ("(一)主动公开\n我局主动公开工作动态、规范性文件等各类政务信息275条,民意征集、结果反馈等各类互动交流信息52条。", None),
        # the sentence's own total wins over a listed count, there or in another sentence
        ("(一)主动公开。主动公开政务信息6063条,通过微信公众平台公开信息731条,在各级媒体、报刊等载体公开信息5327条。", 6063),
        ("区人社局主动公开各类政府信息789条。2022年,主动公开与本部门职能相关热点及涉及群众切实利益等信息258条。", 789),
    ],
)
def test_a_count_after_a_list_closed_by_deng_only_where_nothing_else_states_it(text: str, expected: int | None) -> None:
    assert stated_in_prose(text, 2023)[0].get("主动公开.条数") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 葫芦岛市教育局 2022: 诉求 for the applications not received
        ("(二)依申请公开情况。2022年,我局未收到公民、法人或其他组织的依申请公开诉求。", {"申请.新收": 0}),
        # 自治区民政厅 2021: 未因…引发 as 未发生
        ("全年收到信息公开申请1条。未因信息公开申请引发行政复议、行政诉讼等情况。",
         {"申请.新收": 1, "复议.总计": 0, "诉讼.总计": 0}),
        # 石狮 湖滨街道 2023: what was made and obtained, then its 主动公开 part
        ("2023年街道共制作、获取各类政府信息202条,其中主动公开信息4条,依申请公开信息0条。", {"主动公开.条数": 4}),
        # 锡山 东港镇 2021: 主动公布
        ("2021年通过政府网站主动公布政府信息共计304条,全文电子化达100%。", {"主动公开.条数": 304}),
        # 文登 2024 (traditional): …等方面政府信息
        ("全年主動公開穩崗就業、社會保險、考試招錄、勞動保障等方面政府信息240條。", {"主动公开.条数": 240}),
        # 大冶 刘仁八镇 2025: …等共计94条, the list closed without 信息
        ("2025年,通过大冶市人民政府信息公开网站主动公开规划信息、统计信息、许可服务、政府采购等共计94条,其中政策:规范性文件1件。",
         {"主动公开.条数": 94}),
        # 石家庄市气象局 2023: the verb first, then the list, under a 主动公开 heading
        ("(一)加大政府信息主动公开。结合部门职能,及时公开单位基本信息、领导分工、政策文件及解读、天气预报等信息103条。",
         {"主动公开.条数": 103}),
        # a part's count of what was posted on a channel is no total
        ("2023年,门户网站发布各类信息5489条,其中,主动公开文件数232条,重要通知公告33条。", {}),
    ],
)
def test_ninth_round_wordings(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, None)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对主动公开规范性文件进行全面清理,本年度制发0件,废止0件,现行有效2件。",
         {"规范性文件.本年制发": 0, "规范性文件.本年废止": 0, "规范性文件.现行有效": 2}),
        ("本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件。",
         {"规范性文件.本年制发": 2, "规范性文件.本年废止": 1, "规范性文件.现行有效": 22}),
        ("2023年,制发规范性文件1件,现行有效规范性文件1件。", {"规范性文件.本年制发": 1, "规范性文件.现行有效": 1}),
        ("制发行政规范性文件17件,废止30件。", {"规范性文件.本年制发": 17, "规范性文件.本年废止": 30}),
        # a count of something else between: the part issued in one name, a column's documents, 规章 too
        ("其中,规范性文件16件(以市政府名义印发7件,以市政府办公室名义印发9件)。", {}),
        ("规范性文件栏目共公开文件46件,其中失效4件,废止2件。", {}),
        ("全年制定规章和规范性文件3件,废止2件。", {}),
    ],
)
def test_the_normative_documents_row_written_out(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, 2023)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 合肥市水务局 2011: all information published, then its 主动公开 part
        ("一、主动公开政府信息情况。2011年,我局累计公开政府信息675件,其中主动公开水务信息405件,本级档案68件,不予公开政府信息202件。",
         2011, {"主动公开.条数": 405}),
        # 鹿城区发改局 2014: a running total to the year's end, then the year's own part
        ("一、主动公开\n到2014年底累计共主动公开政府信息1323条,其中2014年主动公开政府信息130条。", 2014, {"主动公开.条数": 130}),
        ("一、主动公开\n到2014年底累计共主动公开政府信息1323条,其中2013年主动公开政府信息130条。", 2014, {}),
        # 北辰区 2020, 海林市 2020
        ("2020年,全区各单位共受理政府信息公开申请总数962件,已全部进行办理。", 2020, {"申请.新收": 962}),
        ("2020年全市共制作政府信息总数372条,其中主动公开政府信息368条、依申请公开政府信息4条。", 2020, {"主动公开.条数": 368}),
        # 丰台区 2019: the outcomes in the sentence after the applications'
        ("2019年,全区共收到政府信息公开申请2,054件。从办理结果看:予以公开589件;部分公开135件;不予公开76件。", 2019,
         {"申请.新收": 2054, "申请.予以公开": 589, "申请.部分公开": 135, "申请.不予公开": 76}),
        # 紫云 大营镇 2023: two statements joined by 且
        ("(二)依申请公开。2023年未接到政府信息公开申请且未出现政府信息公开申请行政复议、提起行政诉讼等情况。", 2023,
         {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 丰台区气象局 2019: the breakdown goes on over the segments after it
        ("本局2019年共主动公开政府信息68条,其中通过专栏主动公开政府信息49条;丰台区政府门户网站主动公开政府信息2条;"
         "通过北京市气象局门户网站主动公开政府信息17条。", 2019, {"主动公开.条数": 68}),
        # 新巴尔虎左旗 2020: 其他 after parts that add up to the total
        ("(一)主动公开情况。主动公开政府信息共计6535条,通过政府门户网站公开3593条,政务微信2942条,其他电视台等方式公开1000余条。",
         2020, {"主动公开.条数": 6535}),
        # 常熟经开区 2020: 其中 with no count is no breakdown; two channels' counts disagree
        ("依托门户网站主动公开政府信息121条,其中全文电子化达100%;利用微信公众号和官网主动公开政府信息1147条。", 2020, {}),
    ],
)
def test_tenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 会宁 甘沟驿镇, 临夏 南龙镇: the 规范性文件 row all 0, said in words
        ("(三)政府信息管理。2022年度未发布、废止行政规范性文件。", {"规范性文件.本年制发": 0, "规范性文件.本年废止": 0}),
        ("(三)政府信息管理方面:本年度未发布、废止行政规范性文件、无现行有效行政规范性文件。",
         {"规范性文件.本年制发": 0, "规范性文件.本年废止": 0, "规范性文件.现行有效": 0}),
        ("本年度未制定规章和规范性文件。", {}),  # 规章 too: which row is not said
        # the applicants named at length before the application
        ("(二)依申请公开方面:2023年,南龙镇未收到任何公民、法人或者其他组织向我镇获取相关政府信息的公开申请。", {"申请.新收": 0}),
        ("2023年,共接到依申请公开办件0件。", {"申请.新收": 0}),
    ],
)
def test_tenth_round_zeros(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, 2023)[0] == expected


def test_none_made_nor_abolished_with_de() -> None:
    # 靖远 大芦镇 2022
    assert stated_in_prose("(三)政府信息管理。大芦镇没有发布和废止的行政规范性文件。", 2022)[0] == {
        "规范性文件.本年制发": 0,
        "规范性文件.本年废止": 0,
    }


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 嘉兴 2023, 正定 2025: what became of the reviews after their count
        ("因信息公开引发行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件;行政诉讼4件,结果维持2件,尚未审结2件。", 2023,
         {"复议.总计": 7, "复议.维持": 6, "复议.未审结": 1, "诉讼.总计": 4}),
        ("政府信息公开行政复议案件5件,结果维持3件,结果纠正1件,正在复议1件;起诉案件1件,正在审理中。", 2025,
         {"复议.总计": 5, "复议.维持": 3, "复议.纠正": 1, "复议.未审结": 1}),
        ("政府信息公开行政复议7件,行政诉讼4件,结果维持2件。", 2025, {"复议.总计": 7, "诉讼.总计": 4}),  # the suits' outcome
        # 兴安盟 2025: sentences on what the applications were about go on with them; 经依法办理 opens outcomes
        ("共受理政府信息公开申请24件(含上年结转1件),申请人全部为公民。申请内容主要涉及征地等领域。经依法办理,予以公开4件,无法提供19件。",
         2025, {"申请.上年结转": 1, "申请.予以公开": 4, "申请.无法提供": 19}),
        # 亳州 2025: outcomes quoted, after a sentence on all the applications
        ("全市共收到政府信息公开申请70件。依法对全部申请进行了审慎处理和规范答复,其中“予以公开”17件;“不予公开”6件。", 2025,
         {"申请.新收": 70, "申请.予以公开": 17, "申请.不予公开": 6}),
        # 大理州 2023: 新收 named inside a breakdown, 结转上年…申请, 办理完成
        ("全州共计受理办理政府信息公开申请354件。其中,2023年新收政府信息公开申请354件,结转上年政府信息公开申请0件,办理完成353件。",
         2023, {"申请.新收": 354, "申请.上年结转": 0, "申请.办理总计": 353}),
        # 石台县林业局 2018: 未受到 for 未收到
        ("三、政府信息依申请公开办理情况\n2018年度,我局未受到公民、法人、其他组织申请公开政府信息。", 2018, {"申请.新收": 0}),
        # 东郊办事处 2019: since a month of the report's year
        ("二、主动公开\n自2019年1月份以来我办共计发布各类信息共408条,其中政策文件22条。", 2019, {"主动公开.条数": 408}),
        # 驻马店市公共资源交易中心 2024: a channel's 共发布 after the total
        ("全年主动公开信息2170条,中心网站发布信息1794条,微信公众号、微博共发布信息376篇。", 2024, {"主动公开.条数": 2170}),
        # 宣城市残联 2023: reviews and suits right after the applications
        ("2023年,宣城市残联收到政府信息公开申请件1件,已进行公开。未收到行政复议和行政诉讼。", 2023,
         {"申请.新收": 1, "复议.总计": 0, "诉讼.总计": 0}),
        # 永嘉县审计局 2016: 没收到; 平江县档案局 2017: reviews, suits and complaints 0 together
        ("三、依申请公开政府信息的情况\n我局2016年没收到政府信息公开申请。", 2016, {"申请.新收": 0}),
        ("我局2017年度共受理有关政府信息公开工作的行政复议、行政诉讼和申诉案件0件。", 2017, {"复议.总计": 0, "诉讼.总计": 0}),
        # 池州市林业局 2025
        ("2025年,我局未制发、废止、修改行政规范性文件,现行有效行政规范性文件7个。", 2025,
         {"规范性文件.本年制发": 0, "规范性文件.本年废止": 0, "规范性文件.现行有效": 7}),
    ],
)
def test_eleventh_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 理合务镇 2017: 累计 the year's channels add up to; a colon inside an aside parts no clause
        ("(一)主动公开政府信息的数量\n2017年,主动公开政府信息累计204条,通过政府网站公开信息数163 条,"
         "政务微信订阅号“印象理合务”(微信号:lhwz4822006)公开政府信息23条,村务公开栏公开信息18条。", 2017, {"主动公开.条数": 204}),
        # 兴仁市 2022: carried over from the year before, named
        ("(二)依申请公开情况。2022年,共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件。",
         2022, {"申请.新收": 10, "申请.上年结转": 2, "申请.办理总计": 10, "申请.结转下年": 2}),
        ("(二)依申请公开情况。2022年,共收到10件依申请公开请求,2020年结转政府信息公开申请2件。", 2022, {"申请.新收": 10}),
        # 建平县 2025, 湖南省政府办公厅 2020: a count opening its clause after a comma
        ("二是依申请公开情况。全年共收到政府信息依申请公开89件次,已经答复88件,1件结转下年度继续办理。", 2025,
         {"申请.新收": 89, "申请.办理总计": 88, "申请.结转下年": 1}),
        ("2020年收到政府信息公开申请190件;发生行政复议4件,其中3件维持,1件尚未审结;发生行政诉讼4件,其中3件维持。", 2020,
         {"申请.新收": 190, "复议.总计": 4, "复议.维持": 3, "复议.未审结": 1, "诉讼.总计": 4}),
        # 环县 2025: the channels listed in an aside, parted by ";"
        ("(一)主动公开方面。2025年全县主动公开各类政府信息60931条(主流媒体、网站、新媒体平台13635条;县政府网站12365条;"
         "县内各类政务新媒体32526条;电视、公开栏等其他渠道公开2405条)。", 2025, {"主动公开.条数": 60931}),
        # 六盘水市应急局 2019: 信件 for the applications
        ("(二)依申请公开\n2019年,我局均未收到依申请公开办理的信件。", 2019, {"申请.新收": 0}),
    ],
)
def test_twelfth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 普陀区 2024: applications made to the body; outcomes after 予以公开及部分公开
        ("2024年,共受理向区政府提出的政府信息公开申请60件,均在法定期限内予以答复。予以公开及部分公开6件,占9.4%;"
         "不予公开2件,占3.1%;不予处理4件,占6.3%。", 2024, {"申请.新收": 60, "申请.不予公开": 2, "申请.不予处理": 4}),
        # 溧水区 2025, 洪山区 2023, 大足区 2024
        ("2025年共办理政府信息公开申请34件,其中,予以公开的7件,部分公开的5件,本机关不掌握的22件。", 2025,
         {"申请.予以公开": 7, "申请.部分公开": 5, "申请.无法提供.不掌握": 22}),
        ("2023年全区共办结政府信息依申请公开733件,其中予以公开238件,转接下年度办理45件。", 2023,
         {"申请.办理总计": 733, "申请.予以公开": 238, "申请.结转下年": 45}),
        ("全年收到政府信息公开申请17件。因政府信息公开产生行政复议案件3件,其中行政复议结果维持3件。", 2024,
         {"申请.新收": 17, "复议.总计": 3, "复议.维持": 3}),
        # 铜梁区商务委 2022: a year among the list's words; 营山县司法局 2021: 各种
        ("在区政府网商务委首页主动公开2022年印发的规范性文件及解读材料、信件办理等政府信息共104条。", 2022, {"主动公开.条数": 104}),
        ("一是主动公开情况。2021年度,营山县司法局主动公开各种政府信息346条。", 2021, {"主动公开.条数": 346}),
        # 湖口县卫健委 2022: 转结 for 结转; 余杭区卫健局 2024: 无上年度结转
        ("2022年,收到信息依申请公开共0件,其中书面申请0件,0件转结2023年办结。", 2022, {"申请.新收": 0, "申请.结转下年": 0}),
        ("本年度我局受理依申请公开政府信息19条,无上年度结转,均按规定在法定期限内予以答复。", 2024,
         {"申请.新收": 19, "申请.上年结转": 0}),
    ],
)
def test_thirteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 文昌阁乡 2025: 主动公开内容; 瑶海区人社局 2013: 政府本级信息
        ("截至2025年12月,我乡主动公开内容共18条,包括规划计划3条、领导信息1条。", 2025, {"主动公开.条数": 18}),
        ("2013年,共主动公开政府本级信息60条,其中工作动态45条,通知公告12条。", 2013, {"主动公开.条数": 60}),
        # 合肥高新区 2015: the information's total, then 。其中 the proactive part
        ("二、政府信息主动公开情况。我委2015年度在网站上共公开政府信息4738条。其中,主动公开3810条,依申请公开4条。", 2015,
         {"主动公开.条数": 3810}),
        # 太平镇 2024: applicants 来自…对…的申请; 大英县 2020: 书面申请; 合肥高新区: 事务申请
        ("2024年度,我镇共收到来自公民、法人或者其他组织对依申请公开政府信息的申请2件,比去年增加1件。", 2024, {"申请.新收": 2}),
        ("2020年,我县收到政府信息公开书面申请12件,均按时答复。", 2020, {"申请.新收": 12}),
        ("本年度我委收到4起政府信息公开事务申请。", 2015, {"申请.新收": 4}),
        # 大云镇 2024: none carried on; 复议 after 涉及 without 行政
        ("2024年,大云镇全年共收到依申请公开件1件,已按期答复1件,无转结下年度继续办理件。涉及复议0件,诉讼0件。", 2024,
         {"申请.新收": 1, "申请.办理总计": 1, "申请.结转下年": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 北街街道 2025: 未接到群众要求公开的信息
        ("(二)依申请公开情况。本年度,未接到群众要求公开的信息。", 2025, {"申请.新收": 0}),
        # 彰武县 2019: a breakdown of the information is none of the applications after it
        ("2019年我县主动公开各类政务信息3000余份,其中政府文件121份,公开各类建议提案答复12件,依申请公开受理6件,办结6件,"
         "行政复议0件、行政诉讼0件。", 2019, {"申请.新收": 6, "申请.办理总计": 6, "复议.总计": 0, "诉讼.总计": 0}),
    ],
)
def test_fourteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_replies_are_the_total_handled_where_the_outcomes_add_up_to_them() -> None:
    # 东漖街道 2024: nothing said carried on, but new + carried = 15 = the outcomes' sum
    text = ("2024年,街道收到依申请公开6件,结转上年9件,答复申请共15件,撤销申请0件。其中,予以公开2件,部分公开2件,"
            "不予公开1件,无法提供10件,其他处理0件。")  # fmt: skip
    assert stated_in_prose(text, 2024)[0]["申请.办理总计"] == 15
    # the outcomes add up to less: the replies may count something else
    short = text.replace("无法提供10件", "无法提供9件")
    assert "申请.办理总计" not in stated_in_prose(short, 2024)[0]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 上海市生态环境局 2020: 第二十条's decisions in a sentence; a year after 比 is compared with
        ("2020年我局行政许可事项13项,比2019年减少3项,行政许可处理决定数量7556件;其他对外管理服务事项40项,"
         "比2019年增加8项,其他对外管理服务事项处理决定数量496件。", 2020,
         {"行政许可.处理决定数": 7556, "其他对外管理服务事项.处理决定数": 496}),
        # 海南省生态环境厅 2022: the year between the kind and its decisions; the kinds after it
        # without 处理决定 are not read
        ("行政许可2022年处理决定数量450项,行政处罚2项、行政强制0项,行政事业性收费0元。", 2022, {"行政许可.处理决定数": 450}),
        # a count of items of a kind is no count of decisions
        ("2022年我局行政许可事项13项。", 2022, {}),
    ],
)
def test_decisions_of_article_twenty_in_a_sentence(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 合江县卫健局 2024: nothing carried over from the year before, and both kinds of case none
        ("2024年共受理政府信息依申请公开0件,2023年未转结政府信息公开申请,进入行政复议程序和行政诉讼程序均为0件。", 2024,
         {"申请.新收": 0, "申请.上年结转": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 安州区农业农村局 2019: a list closed by 以及其他 (everything else)
        ("2019年度,区农业农村局主动公开工作动态、项目申报、扶贫开发、水利建设以及其他信息共计547条。", 2019, {"主动公开.条数": 547}),
        # 开江县自然资源局 2019, 平利县农业农村局 2020, 泉港区民政局 2011: none received, other words
        ("2019年度,自然资源局无依申请公开项目。", 2019, {"申请.新收": 0}),
        ("全年未收到依法申请公开事项。", 2020, {"申请.新收": 0}),
        ("2011年度我局未收到任何形式的申请公开信息要求。", 2011, {"申请.新收": 0}),
        # 苏州市教育局 2012: 份 and 书面 before the application; 凤凰镇 2023: 受理并办结
        ("2012年共收到2份书面政府信息公开申请,均依法回复。", 2012, {"申请.新收": 2}),
        ("年内受理并办结依申请公开23件。", 2023, {"申请.新收": 23, "申请.办理总计": 23}),
        # 下各镇 2023: 主动发布政务公开信息
        ("2023年全镇主动发布政务公开信息45条。", 2023, {"主动公开.条数": 45}),
        # 临淄区林业局 2008: the count given as none after a colon
        ("三、依申请公开政府信息情况\n我局2008年度依申请受理信息公开申请:无", 2008, {"申请.新收": 0}),
        # a Beijing commission 2019: each kind's decisions in its own segment; 结转下年度…的申请0件
        ("2019年,我委主动公开情况如下:规范性文件1件;行政许可16项,较2018年减少1项,处理决定数量56件;主动公开行政处罚30项,"
         "较2018年无增减,处理决定数量7件;主动公开行政检查1项,较2018年无增减,处理决定数量292件。", 2019,
         {"行政许可.处理决定数": 56, "行政处罚.处理决定数": 7}),
        ("2019年,我委新收政府信息公开申请9件,上年结转政府信息公开申请数量0件,结转下年度继续办理的申请0件。", 2019,
         {"申请.新收": 9, "申请.上年结转": 0, "申请.结转下年": 0}),
    ],
)
def test_fifteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 青山湖区 2019: the applications received by kind of applicant in their breakdown
        ("2019年青山湖区受理依申请公开15件,其中自然人12件,商业企业3件,均依据国家有关法律规定予以公开。", 2019,
         {"申请.新收": 15, "申请.新收.自然人": 12, "申请.新收.商业企业": 3, "申请.予以公开": 15}),
        # 北海市 2021: 其他申请 as the other kind; kinds adding up to more than received are no breakdown
        ("2021年,我市共收到政府信息公开申请322件,其中自然人申请219件,商业企业申请55件,其他申请34件。", 2021,
         {"申请.新收": 322, "申请.新收.自然人": 219, "申请.新收.商业企业": 55, "申请.新收.其他": 34}),
        ("2021年,共收到政府信息公开申请10件,其中自然人申请9件,商业企业申请5件。", 2021, {"申请.新收": 10}),
        # 临渭区 2019: outcomes by their reasons
        ("2019年,共接到依申请公开申请26件,其中属于三类内部事务信息不予公开的1件,没有现成信息需要另行制作6件。", 2019,
         {"申请.新收": 26, "申请.不予公开": 1, "申请.不予公开.内部事务": 1, "申请.无法提供.需另行制作": 6}),
        # 武川乡 2016: a count over a span of years is not the year's
        ("(一)主动公开政府信息的数量。我乡2016年主动公开政府信息1100条。2008年-2016年武川乡主动公开政府信息1571条。", 2016,
         {"主动公开.条数": 1100}),
        # 东风垦殖场 2024: 依申请件; 合川工业园区 2020: a list closed by 等内容
        ("2024年,我场开展了依申请公开受理工作,共收到依申请件0件。", 2024, {"申请.新收": 0}),
        ("据统计,主动公开发布部门年度部门预算决算情况说明、履职依据等内容共计33条。", 2020, {"主动公开.条数": 33}),
    ],
)
def test_sixteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 吾峰镇 2020: 申请公开政府信息的要求; 常太镇 2020: 主动公开年度政府信息
        ("(二)依申请公开方面。2020年,我镇收到申请公开政府信息的要求0件。", 2020, {"申请.新收": 0}),
        ("1.本机关主动公开政府信息数量:本年度,我镇在信息公开专栏上主动公开年度政府信息32条;", 2020, {"主动公开.条数": 32}),
        # 新晃县环保局 2017: 政务信息公开申请; an item's number is no count
        ("1、本年度未收到政务信息公开申请,无依申请公开或不予公开情况。\n3、本年度没有出现因政务信息公开申请行政复议、"
         "提起行政诉讼的情况。", 2017, {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 苍溪县农业农村局 2018: 未涉及到要求…的申请
        ("(二)依申请公开政府信息情况\n2018年,我局未涉及到要求政府信息公开的申请。", 2018, {"申请.新收": 0}),
        # 河南省应急管理厅 2021: the count first, in 项, carried over to the next year named
        ("全年收到依申请公开申请15起,除1项结转至2022年办理,其余全部按时进行答复反馈。", 2021, {"申请.新收": 15, "申请.结转下年": 1}),
        # 广西应急管理厅 2024: 政务信息公开申请
        ("2024年,共收到政务信息公开申请19件,上年结转政府信息公开申请9件。", 2024, {"申请.新收": 19, "申请.上年结转": 9}),
    ],
)
def test_seventeenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_a_running_total_in_a_breakdown_is_no_part_of_the_years_total() -> None:
    # 北京市经信委 2011 (traditional): 其中 goes on with the running total since 2008
    text = "我委2011年共主动公开政府信息606条,其中全文电子化率达100%,目前我委总计主动公开政府信息2739条。"
    assert stated_in_prose(text, 2011)[0] == {"主动公开.条数": 606}
    # a part larger than the total still leaves it out
    assert stated_in_prose("我委2011年共主动公开政府信息606条,其中网站公开700条。", 2011)[0] == {}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 桓仁县 2024: the ways applications came named before them; 厦门市发改委 2015: 企业和群众
        ("2024年,桓仁县收到以信件、网络形式的政府信息公开申请13件,均依法依规予以答复办理。", 2024, {"申请.新收": 13}),
        ("受理企业和群众提出的政府信息公开申请60件,已全部回复完毕。", 2015, {"申请.新收": 60}),
        # 宝鸡市机关事务管理局 2019: 等需要公开的政府信息
        ("主动公开单位概况、工作动态、政策法规、财务预决算等需要公开的政府信息共计328条。", 2019, {"主动公开.条数": 328}),
        # 喀左县 2025: the count first before 行政复议 and 行政诉讼
        ("2025年,县政府办公室收到依申请公开9件,均在规定时限内办结答复;收到1件行政复议、1件行政诉讼。", 2025,
         {"申请.新收": 9, "申请.办理总计": 9, "复议.总计": 1, "诉讼.总计": 1}),
    ],
)
def test_eighteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 泰州市信访局 2019: 申请事项; 朝阳市自然资源局 2025: 申请书…份 under an applications heading
        ("一年来,我局扎实推进政务公开工作,全年受理信息公开申请事项13件,均能按照相关要求办理。", 2019, {"申请.新收": 13}),
        ("(二)依申请公开情况\n2025年度市自然资源局接收到申请书55份,申请公开的政府信息主要涉及征地信息。", 2025, {"申请.新收": 55}),
    ],
)
def test_nineteenth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 南昌市青山湖区 2019, 高平市政府办 2023: every application's outcome or applicant in words
        ("2019年青山湖区受理依申请公开15件,其中自然人12件,商业企业3件,均依据国家有关法律规定予以公开。",
         {"申请.新收": 15, "申请.新收.自然人": 12, "申请.新收.商业企业": 3, "申请.予以公开": 15}),
        ("全年共收到和办理依申请公开9件,全部为自然人申请,上年度结转政府信息公开申请0件。",
         {"申请.新收": 9, "申请.新收.自然人": 9, "申请.上年结转": 0}),
        ("共收到政府信息公开申请5件,均已依法予以公开。", {"申请.新收": 5, "申请.予以公开": 5}),
        # another count between, the rest of them, one of two outcomes, a reply, another applicant
        ("共收到政府信息公开申请5件,办结4件,均予以公开。", {"申请.新收": 5, "申请.办理总计": 4}),
        ("共收到政府信息公开申请5件,其余均予以公开。", {"申请.新收": 5}),
        ("共收到政府信息公开申请5件,均予以公开或部分公开。", {"申请.新收": 5}),
        ("共收到政府信息公开申请5件,均已按时答复。", {"申请.新收": 5}),
        ("共收到政府信息公开申请5件,其中法人1件,均为自然人。", {"申请.新收": 5}),
        ("共收到政府信息公开申请5件,部分公开1件,均予以公开。", {"申请.新收": 5, "申请.部分公开": 1}),
    ],
)
def test_every_application_with_one_outcome_or_applicant(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, 2019)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 荔浦市 2022: one 0 for both, its count named 数量
        ("因政府信息公开被申请行政复议、行政诉讼数量为0件。", 2022, {"复议.总计": 0, "诉讼.总计": 0}),
        # 海珠区 2021: the outcomes after 在答复办结的303宗申请中
        ("2021年海珠区收到政府信息公开申请287宗,上年结转申请17宗,共答复办结申请303宗,结转下年继续办理1宗。"
         "在答复办结的303宗申请中:予以公开127宗;部分公开26宗,不予公开20宗;无法提供125宗;不予处理3宗;其他处理2宗。", 2021,
         {"申请.新收": 287, "申请.上年结转": 17, "申请.结转下年": 1, "申请.办理总计": 303, "申请.予以公开": 127,
          "申请.部分公开": 26, "申请.不予公开": 20, "申请.无法提供": 125, "申请.不予处理": 3, "申请.其他处理": 2}),
        # 榕城区 2021 (皆为), 保亭县 2021 (the applicant in brackets)
        ("今年来,榕城区政府办公室共收到依申请公开7件,皆为自然人申请。", 2021, {"申请.新收": 7, "申请.新收.自然人": 7}),
        ("2021年,县政府办公室共收到政府信息公开申请1件(自然人申请),已按时答复。", 2021,
         {"申请.新收": 1, "申请.新收.自然人": 1}),
        # 闽侯县 2025: carried on, then 答复; 桐庐县 2023: carried on to the next year named (not another)
        ("本年度共收到依申请公开政府信息72件,已答复71件,结转至下一年答复1件。", 2025, {"申请.新收": 72, "申请.结转下年": 1}),
        ("全县共收到政府信息公开申请163件,2022年结转政府信息公开申请7件,结转至2024年9件。", 2023,
         {"申请.新收": 163, "申请.上年结转": 7, "申请.结转下年": 9}),
        ("全县共收到政府信息公开申请163件,结转至2025年9件。", 2023, {"申请.新收": 163}),
        # 凉山州 2021: the carried-over part inside the count received
        ("全年收到政府信息公开申请30件(其中1件为上年度结转),办结30件。", 2021, {"申请.上年结转": 1, "申请.办理总计": 30}),
        # 阿巴嘎旗 2022: 政府信息申请公开, 不存在
        ("2022年,受理政府信息申请公开0件。不存在因申请政府信息公开引起的行政复议和行政诉讼等情况。", 2022,
         {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 定州市东留春乡 2020: no applicant applied
        ("无单位或个人申请政府信息公开,行政复议0条,行政诉讼0条。", 2020, {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 钦北区 2023, 黔东南州 2024: one kind of suit, its own total
        ("因依申请公开工作引起的行政复议2件;因依申请公开工作引起的经复议后起诉的行政诉讼0件。", 2023,
         {"复议.总计": 2, "诉讼.复议后起诉.总计": 0}),
        ("2024年发生因政府信息公开引起的行政复议2件和复议后提起行政诉讼1件。", 2024, {"复议.总计": 2, "诉讼.复议后起诉.总计": 1}),
        ("因政府信息公开未经复议直接起诉的行政诉讼1件。", 2024, {"诉讼.直接起诉.总计": 1}),
        # 黔东南州 2024: the public, applying to the government or its office
        ("2024年共收到公众向州政府或州政府办公室提交的政府信息公开申请42件。", 2024, {"申请.新收": 42}),
        # 桐庐县 2023: two outcomes counted together
        ("收到政府信息公开申请170件,其中予以公开或部分公开96件、占56.47%;不予公开2件。", 2023,
         {"申请.新收": 170, "申请.不予公开": 2}),
        # 龙游县 2023: other documents counted in 件 are no part of the items
        ("本年度通过政府网站主动公开信息总数773条,以县政府名义印发的行政规范性文件17件,其他政策文件35件。", 2023,
         {"主动公开.条数": 773}),
        # 凉山州经信局 2021: 主要包括 opens the parts
        ("(一)主动公开 坚持公开为原则,主动公开政府信息234条,主要包括经信工作动态144条,公告公示60条,其他7办理热线问题3个。", 2021,
         {"主动公开.条数": 234}),
        # 攸县 2023: 主动向社会公开 a long list
        ("依托攸县人民政府门户网站平台及时、主动向社会公开年度政府工作报告、政府信息公开指南、政府信息公开工作年报、主要工作"
         "动态、财政预决算、人大代表建议及政协提案办理等有关政务新闻和公告等信息9756条。", 2023, {"主动公开.条数": 9756}),
    ],
)
def test_twentieth_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_the_outcomes_of_parts_received_apart_are_no_whole() -> None:
    # 荔浦市 2022: the government's and its departments' applications, each with its outcomes
    text = ("2022年政府新收依申请公开数量为2件,办理结果为予以公开2件;部门新收依申请公开数量为4件,办理结果为予以公开1件,"
            "无法提供2件,不予处理1件。")
    facets, warnings = stated_in_prose(text, 2022)
    assert facets == {}
    assert any(w.startswith("申请.新收: sentences disagree") for w in warnings)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 陕西省卫健委 2021: the year's own count published, under a 主动公开 heading (not another year's)
        ("(一)主动公开情况\n一是做好政府信息日常发布和更新。2021年发布信息6758条,其中列入公开目录647条。", 2021,
         {"主动公开.条数": 6758}),
        ("(一)主动公开情况\n一是做好政府信息日常发布和更新。2020年发布信息6758条,其中列入公开目录647条。", 2021, {}),
        # 青浦区发改委 2023: the applicants' kinds where two wordings state the one count received
        ("2023年,我委共新收政府信息公开申请41件,其中,自然人申请36件,商业企业申请5件。", 2023,
         {"申请.新收": 41, "申请.新收.自然人": 36, "申请.新收.商业企业": 5}),
        # 余杭区发改局 2022: 公民和法人或其他组织
        ("全年收到公民和法人或其他组织政府信息公开申请共32件,办结30件。", 2022, {"申请.新收": 32, "申请.办理总计": 30}),
        # 江汉区发改局 2023: a rate beside the none said, its punctuation lost
        ("2023年共收到政府信息公开申请9件,按时办结率100%全年没有因信息公开产生的行政复议。", 2023,
         {"申请.新收": 9, "复议.总计": 0}),
        # 武隆区沧沟乡 2022: 申请公开相关政府信息
        ("(二)依申请公开情况。2022年,我乡未收到群众申请公开相关政府信息。", 2022, {"申请.新收": 0}),
        # 古蔺县彰德街道 2024: 上年转结
        ("2024年,受理政府信息公开申请0件;上年转结政府信息公开申请0件。", 2024, {"申请.新收": 0, "申请.上年结转": 0}),
        # 柳州市里雍镇 2025: 申请案件, reviews counted in 起
        ("2025年,我镇共受理政府信息公开申请案件4件,办结3件,发生政府信息公开行政复议4起,其中1起尚未审结。", 2025,
         {"申请.新收": 4, "复议.总计": 4, "复议.未审结": 1}),  # 办结 beside 案件 may count any cases
        # 通化县 2025: reviews the government heard as the reviewing body are not its own
        ("全年审理政府信息公开行政复议案件7起,其中:结果维持3起,结果纠正3起,其他结果1起。", 2025, {}),
        # 华富街道 2022: the part on one channel (its home page) counts that channel's items
        ("我街道2022年主动公开政府信息共304条。\n(一)福田政府在线街道办事处主页。下设工作动态等栏目,公开街道各类信息,"
         "2022年共主动公开政府信息165条。", 2022, {"主动公开.条数": 304}),
    ],
)
def test_twenty_first_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_counts_channel_by_channel_with_gong_bu_are_no_total() -> None:
    # 清水县教育局 2023: a count per channel, one of them 公布, and no total
    text = ("1.主动公开情况\n2023年,清水县教育局通过清水教育微信公众号向社会公开工作信息104条,关注人数1.5万人;"
            "通过清水县人民政府网站教育局子站向社会公布各类政府信息115条,其中包括:通知公告30条、政策文件10条;"
            "通过甘肃政务服务网清水子站公布政务服务事项25条。")
    assert stated_in_prose(text, 2023) == ({}, [])


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 牡丹江市政府办 2019: the year's information published, under no heading on 主动公开
        ("2019年,共发布政府信息151条。其中,政务信息49条。", 2019, {"主动公开.条数": 151}),
        # 永川区大数据局 2019 (excerpt 15): with an aside and its parts
        ("全年公开政务信息9条(含所属事业单位区信息化建设服务中心),其中政府信息公开指南2条,财政预决算2条,人员招录3条,组织机构2条。",
         2019, {"主动公开.条数": 9}),
        # 湖溪镇 2022: the sum of the channels' counts after them
        ("2022年度,湖溪镇通过门户网站公开信息85条,通过微信公众号公开信息160条,通过APP公布信息51条,共计公开信息296条。",
         2022, {"主动公开.条数": 296}),
        # 天门市胡市镇 2019: beside a running total
        ("截至目前共发布592条信息,2019年公开政府信息60条,其中,概况信息2篇,公文1篇。", 2019, {"主动公开.条数": 60}),
        # 甘肃省邮政管理局 2023: several channels named together are all of them
        ("2023年甘肃省邮政管理局通过门户网站、微信公众号等平台发布各类政府信息1311条。", 2023, {"主动公开.条数": 1311}),
        # 会同县林业局 2020: one channel's count, where other channels may have published more
        ("林业局网站中,2020年共发布信息42条,其中:机构信息4条,通知公告29条。", 2020, {}),
        # 抚远市生态环境局 2020: 条次 counts items times channels
        ("2020年全年公开各类政府信息共计131条次。其中门户网站公开39条、微信公众号公开92篇。", 2020, {}),
        # 正阳镇 2021: two counts side by side, neither the other's sum
        ("2021年度,共公开政府信息15条,在县政府网站发布工作动态38条。", 2021, {}),
        # 新晃县环境保护局 2017: one numbered item of a list of what was published
        ("6、本年度公开各类政务信息57条。", 2017, {}),
        # no year named: not said to be the year's
        ("共发布政府信息151条。", 2019, {}),
        # another year's
        ("2018年,共发布政府信息151条。", 2019, {}),
    ],
)
def test_the_years_information_published_under_no_heading_on_active_disclosure(
    text: str, year: int, expected: dict[str, int]
) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_the_years_information_published_is_the_weakest_reading() -> None:
    # 主动公开 said elsewhere wins over the year's information published
    text = "2019年,共发布政府信息151条。\n(一)主动公开情况\n全年主动公开政府信息120条。"
    assert stated_in_prose(text, 2019)[0] == {"主动公开.条数": 120}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 眉山市人社局 2022: how every applicant applied after the kind
        ("2022年,我局收到政府信息公开申请5件,均为自然人网上申请,办结5件。", 2022,
         {"申请.新收": 5, "申请.新收.自然人": 5, "申请.办理总计": 5}),
        # 荣昌区住建委 2022: no carry-over from the year before, none on to the next, each year named
        ("2022年度,我委没有2021年结转的政府信息公开申请事项,没有结转到2023年的政府信息公开申请事项。", 2022,
         {"申请.上年结转": 0, "申请.结转下年": 0}),
        ("2022年度,我委没有2020年结转的政府信息公开申请事项,没有结转到2024年的政府信息公开申请事项。", 2022, {}),
        # 鄂州市人社局 2023: the 规范性文件 row with the verbs first
        ("本年度制发行政规范性文件1件,废止行政规范性文件2件,现行有效行政规范性文件6件。", 2023,
         {"规范性文件.本年制发": 1, "规范性文件.本年废止": 2, "规范性文件.现行有效": 6}),
        # 铜陵市地震局 2021: outcomes in the sentence after a count received under a heading
        ("(二)依申请公开政府信息情况\n共收到申请0件,尚未办理0件,\n其中同意公开的有0件,同意部分公开的有0件,不予公开的有0件。", 2021,
         {"申请.新收": 0, "申请.予以公开": 0, "申请.部分公开": 0, "申请.不予公开": 0}),
    ],
)
def test_twenty_second_round_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_documents_abolished_verb_first_only_where_the_year_is_said() -> None:
    # 大冶市政府办 2024: a clean-up's result, no year said
    text = "加强政府信息管理,梳理出继续有效规范性文件66件,废止规范性文件6件,宣布失效规范性文件5件。"
    assert stated_in_prose(text, 2024) == ({}, [])


def test_one_count_for_reviews_and_suits_together_is_neither() -> None:
    # 亳州市教育局 2022
    text = "受理依申请公开4件次,已在规定时间内按要求办结。全年行政复议和行政诉讼2件次,包含涉及行政复议结果。"
    assert stated_in_prose(text, 2022)[0] == {"申请.新收": 4}


def test_a_later_part_opening_with_a_running_channel_is_another_channel() -> None:
    # 乌审旗 2017: the site's count with its parts, then the new media's (累计通过…): no one total
    text = ("(一)不断加大政府信息公开力度。2017年,全旗各地、各部门累计通过乌审旗人民政府门户网站主动公开政府信息8720条,"
            "其中,政务公开栏目4782条、互动交流栏目149条;累计通过“乌审旗发布”微信平台、“乌审旗发布”新浪微博等新媒体渠道"
            "公开信息16435条,切实提高了工作透明度。")
    assert stated_in_prose(text, 2017)[0] == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 宁夏应急管理厅 2023: the applications as the letters they came in
        ("2022年我厅共收到依申请公开信件2件,均为网络申请。", {"申请.新收": 2}),
        # 大涌镇 2022: from 群众, everyone
        ("2022年我镇共收到群众依申请公开信件4件,均在规定时间内办结。", {"申请.新收": 4, "申请.办理总计": 4}),
        # 天门市交通运输局 2021: none received, in letters
        ("本年度我局未收到依申请公开来信。", {"申请.新收": 0}),
        # letters that carry information, not applications
        ("配备专职人员负责接收依申请公开来信息并分办科室答复。", {}),
    ],
)
def test_applications_as_letters(text: str, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, 2022)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 密云区 2019: 依申请 alone before its count
        ("截至12月底,全区受理依申请735件(含垂管单位),均在规定时限内答复申请人。", 2019, {"申请.新收": 735}),
        # 同安区新民镇 2021: letter applications, 申请数
        ("收到依申请公开信函申请数15件,同意答复数14件,占93.3%,告知补正数1件,占6.7%。", 2021, {"申请.新收": 15}),
        # 铁西区发改局 2025: 依申请公开方面的诉求
        ("(二)规范依申请公开\n2025年我局没有接到依申请公开方面的诉求。", 2025, {"申请.新收": 0}),
        # 广汉市政府办 2025: 制定并公开 the documents
        ("2025年度制定并公开行政规范性文件8件,均进行了解读。", 2025, {"规范性文件.本年制发": 8}),
        # 良渚街道 2022: received and handled, no carry-over either way: the total handled
        ("(二)依申请公开。本年度共收到和处理依申请公开28件(其中依申请公开25条,重复申请3条),无上年和下年结转。", 2022,
         {"申请.新收": 28, "申请.上年结转": 0, "申请.结转下年": 0, "申请.办理总计": 28}),
        # without the carry-overs stated, received and handled is the count received only
        ("本年度共收到和处理依申请公开28件。", 2022, {"申请.新收": 28}),
        # 浦口区教育局 2024: none, in the report's part on reviews and suits
        ("(四)行政复议、行政诉讼情况。2024年,区教育局未发生行政复议、行政诉讼事项。", 2024, {"复议.总计": 0, "诉讼.总计": 0}),
        # a count there may be of the reviews the body heard
        ("(四)行政复议、行政诉讼情况\n2024年,区教育局办理行政复议案件12件。", 2024, {}),
        # 广汉市政府办 2025: 企业 for the 商业企业 column
        ("2025年,共收到依申请件35件,其中自然人34件,企业1件,办结32件,结转下年办理3件。", 2025,
         {"申请.新收": 35, "申请.新收.自然人": 34, "申请.新收.商业企业": 1, "申请.办理总计": 32, "申请.结转下年": 3}),
    ],
)
def test_the_zt_rounds_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 武侯区 2019: a running total since the report's year began is the year's
        ("2019年以来,我区通过政府信息公开管理系统累计主动公开政府信息19891条。", 2019, {"主动公开.条数": 19891}),
        # since another year: a running total
        ("2008年以来,我区累计主动公开政府信息19891条。", 2019, {}),
        # 武侯区 2019: 各类 before the applications
        ("截止12月31日,区政府共收到各类依申请公开信件135件(次),按时回复办结率达到100%。", 2019, {"申请.新收": 135}),
    ],
)
def test_since_the_year_began_and_every_kind_of_application(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_other_names_of_the_applicants_columns() -> None:
    # 黄埔区 2020: 公民 for 自然人, 其他组织 for 其他
    text = ("2020年我区共收到政府信息公开申请1586宗,其中来自公民申请1482宗,商业企业申请71宗,社会公益组织3宗,"
            "法律服务机构5宗,其他组织申请25宗。")
    assert stated_in_prose(text, 2020)[0] == {
        "申请.新收": 1586, "申请.新收.自然人": 1482, "申请.新收.商业企业": 71, "申请.新收.社会公益组织": 3,
        "申请.新收.法律服务机构": 5, "申请.新收.其他": 25}
    # 长春市政府办 2024: 法人或其他组织 is the legal persons' whole, not the 其他 column
    text = "2024年,共受理政府信息公开申请95件,其中自然人申请89件,法人或其他组织申请6件。"
    assert stated_in_prose(text, 2024)[0] == {"申请.新收": 95, "申请.新收.自然人": 89}


def test_reviews_and_suits_counted_first_with_what_they_were_about_between() -> None:
    # 杭州市教育局 2020
    text = "在复议、诉讼方面,本年度收到有关政府信息公开的行政复议申请2件,发生2起关于政府信息公开的行政诉讼案件。"
    assert stated_in_prose(text, 2020)[0] == {"复议.总计": 2, "诉讼.总计": 2}


def test_a_running_total_over_the_years_dates_is_the_years() -> None:
    # 易门县气象局 2023: 累计 over the statistics period, its year lost (20231月1日)
    text = "(一)加强领导,规范有序开展主动公开\n20231月1日至12月31日我局在政府信息公开统一平台上累计主动公开政府信息242条。"
    assert stated_in_prose(text, 2023)[0] == {"主动公开.条数": 242}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 西山区政务服务局 2024: 受理答复, received and answered
        ("2024年认真受理答复群众提出的政府信息公开申请2件,皆依法依规予以答复。", 2024, {"申请.新收": 2}),
        # 某市财政局 2021: the applicants counted first (法人 is no column of its own)
        ("2021年市财政局共受理依申请公开政府信息27件,26件为自然人申请,1件为法人申请。", 2021,
         {"申请.新收": 27, "申请.新收.自然人": 26}),
    ],
)
def test_the_zu_rounds_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 鲤城高新区 2019: a total over years, broken down by year: the report's year's part
        ("(一)主动公开\n截至2019年底,鲤城高新区主动公开的政府信息数为109条,其中2009年11条,2010年11条,2018年5条,2019年5条。",
         2019, {"主动公开.条数": 5}),
        ("(一)主动公开\n截至2019年底,鲤城高新区主动公开的政府信息数为109条,其中2009年11条,2010年11条,2011年3条。", 2019, {}),
        # 永泰县 2015: 依申请信息 before its count
        ("今年,全县各公开单位共主动公开政府信息达1278条,受理依申请信息5件。", 2015,
         {"主动公开.条数": 1278, "申请.新收": 5}),
        # 中洲乡 2024: 依申请公开要求
        ("(二)依申请公开\n2024年1月1日起至2024年12月31日止,我未收到依申请公开要求。", 2024, {"申请.新收": 0}),
        # 福州高新区 2023: 上年结转答复
        ("2023年,我区共收到依申请公开政府信息13件,已答复13件,其中,上年结转答复1件,结转下一年答复1件。", 2023,
         {"申请.新收": 13, "申请.上年结转": 1, "申请.结转下年": 1}),
        # 满城区医保局 2021: the year's information, applications named only in a later clause
        ("2021年公开政府信息3条,含规范性文件0份、政策解读0份,未收到政府信息公开申请。", 2021,
         {"主动公开.条数": 3, "申请.新收": 0}),
        # 舒城县汤树乡 2024: a 累计 count less than another is no running total beside the year's
        ("2024年,全乡累计主动公开信息649条,基层政务公开标准化规范化专题主动公开信息1120条。", 2024, {}),
    ],
)
def test_the_zv_rounds_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 宝山区建管委 2021: 依申请予以主动公开 is an application's outcome, no proactive count
        ("2021年,我委共受理政府信息公开申请41件。依申请予以主动公开的4件,本机关不掌握相关政府信息15件。", 2021,
         {"申请.新收": 41, "申请.予以公开": 4, "申请.无法提供.不掌握": 15}),
        # the same: 政府信息文件 counted
        ("2021年,依托宝山区政府门户网站信息公开渠道,累计主动公开政府信息文件113件,其中公文类信息44件。", 2021,
         {"主动公开.条数": 113}),
        # 山东省生态环境厅 2024: 废止或失效
        ("制发行政规范性文件5件,废止或失效3件,现行有效的行政规范性文件16件,全部规范公开。", 2024,
         {"规范性文件.本年制发": 5, "规范性文件.本年废止": 3, "规范性文件.现行有效": 16}),
        # 四川省文旅厅 2025: the row written out verb first
        ("(三)政府信息管理情况。认真开展规范性文件系统清理,制发行政规范性文件2件,废止规范性文件5件。", 2025,
         {"规范性文件.本年制发": 2, "规范性文件.本年废止": 5}),
        # 崇川区住建局 2023: 申请公开件
        ("2023年我局共收到申请公开件92件、上一年度结转2件。其中,予以公开19件,部分公开18件。", 2023,
         {"申请.新收": 92, "申请.上年结转": 2, "申请.予以公开": 19, "申请.部分公开": 18}),
    ],
)
def test_the_zw_rounds_wordings(text: str, year: int, expected: dict[str, int]) -> None:
    assert stated_in_prose(text, year)[0] == expected


def test_outcomes_counted_first() -> None:
    # 瓯海区住建局 2023: "45件申请中,8件予以公开,…", then "另有4件结转下一年度…"
    text = ("2023年区住建局共受理依申请公开45件,其中当面申请2件。45件申请中,8件予以公开,7件信息不存在,2件逾期不补正,"
            "17件部分公开,2件不予公开,1件不再重复处理,全部按期予以办结。另有4件结转下一年度继续办理。")
    assert stated_in_prose(text, 2023)[0] == {
        "申请.新收": 45, "申请.予以公开": 8, "申请.部分公开": 17, "申请.不予公开": 2,
        "申请.其他处理.逾期不补正": 2, "申请.不予处理.重复申请": 1, "申请.结转下年": 4}
