/**
 * Stop words: words that never make a topic on their own. Kept short on
 * purpose: common but meaningful news words (工作, people, government) are not
 * here but in word-frequencies.ts, where they score low without being banned.
 */
import type { TopicLanguage } from './language';

const EN = `a about above after again against ago all almost along already also although always am among an and another any
anyone anything are around as at away be became because become been before being below between both but by can cannot
could did do does doing done down during each either else enough even ever every few for from further get gets getting
got had has have having he her here hers herself him himself his how however i if in including inside instead into is it
its itself just last later least less let like made make makes many may me might more most much must my myself near need
never new next no nor not now of off often on once one only onto or other others our ours ourselves out over own per
perhaps put rather really said same say says see seen she should since so some something still such than that the their
theirs them themselves then there these they thing things this those though through thus to too toward towards under
until up upon us use used very via was way we well were what whatever when where whether which while who whom whose
why will with within without would yet you your yours yourself mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct
nov dec january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow year years month months week
weeks day days time times percent according told asked added including told lot lots yes don't it's i'm he's she's
that's there's they're we're can't won't didn't doesn't isn't wasn't aren't haven't hasn't wouldn't couldn't shouldn't
`;

/** Function words and news boilerplate; single characters are handled by length rules. */
const ZH = `的 了 在 是 和 与 及 或 等 也 都 而 并 将 把 被 让 对 为 从 到 向 给 于 以 由 之 其 该 这 那 此 个 上 下 中 里 内 外 前 后
来 去 出 又 再 就 才 还 更 最 很 不 没 有 着 过 得 地 所 已 从而 已经 正在 我们 他们 她们 你们 我 你 他 她 它 自己 一个 一些 这个
那个 这些 那些 什么 如何 怎么 为了 因为 所以 但是 但 如果 虽然 然后 以及 通过 进行 开展 实现 加强 推进 推动 持续 不断 积极 认真
相关 有关 方面 同时 目前 今年 去年 明年 近日 日前 近期 近年 近年来 以来 期间 一批 第一 第二 第三 分别 同比 一直 可以 能够 需要
要 应 应该 必须 说 表示 称 据 记者 通讯员 全媒体 报道 讯 日 月 年 时 次 名 位 件 个 条 项 家 元 万 亿 多 余 约 近 达 共 全 各 每
本 该县 该市 该区 全市 全县 全区 我市 我县 一次 一年 两年 三年 一是 二是 三是 许多 很多 一起 一定 一样 随后 最终 终于 先 再做 做到
做好 当 好 赴 往 同 跟 比 较 太 只 仅 均 因 按 经 随 使 令 请 做 搞 如今 当年 现在 今后 此外 另外 其中 之一 之后 之前 以后 以前 以上 以下 左右 甚至 以及 还是 就是 不是 而且 并且 还有`;

/** Particles and auxiliaries are all-hiragana and dropped by rule; these are the rest. */
const JA = `こと もの ため よう これ それ あれ この その あの ここ そこ 年 月 日 時 人 方 等 など 氏 さん 今年 昨年 来年 今回 同日 同社 記者`;

const KO = `그 이 저 것 수 등 및 또 또한 그리고 하지만 그러나 때문 위해 대한 통해 따라 있는 있다 없다 했다 한다 하는 된다 되는 이번 지난 올해
작년 내년 오늘 어제 기자 관련 대해 경우 가장 모든 각 더 약 중 후 전 년 월 일 명 개 등등 우리 저희 그녀 그들`;

const lists: Record<TopicLanguage, Set<string>> = {
  en: new Set(EN.split(/\s+/u).filter(Boolean)),
  zh: new Set(ZH.split(/\s+/u).filter(Boolean)),
  ja: new Set(JA.split(/\s+/u).filter(Boolean)),
  ko: new Set(KO.split(/\s+/u).filter(Boolean)),
};

/** we'd, they've, you'll, I'm, don't: contractions, but not the possessive 's. */
const CONTRACTION = /['’](?:d|ve|ll|re|m|t)$/u;
/** Korean predicates (당선됐다, 바꾸겠다고, 환영했다): verb and adjective endings, not topics. */
const KOREAN_PREDICATE = /(?:다|다고|다며|다는|니다|했고|하고|하며|해야|하는|되는|하게|되어|해서|했던|하면)$/u;
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
/** Chinese segments glued to a structural particle by the segmenter (`办的`, `好了`). */
const ZH_PARTICLE_EDGE = /^[的了着过地得]|[的了着过地得]$/u;

/** True when the segment (lower-cased for English) cannot be part of a topic. */
export function isStopWord(segment: string, language: TopicLanguage): boolean {
  if (lists[language].has(segment)) return true;
  if (language === 'ja') return HIRAGANA_ONLY.test(segment);
  if (language === 'ko') return KOREAN_PREDICATE.test(segment);
  if (language === 'en') return CONTRACTION.test(segment);
  if (language === 'zh') return ZH_PARTICLE_EDGE.test(segment) && segment.length <= 2;
  return false;
}

/** Korean attaches particles to words; these endings are stripped before matching (longest first). */
export const KOREAN_PARTICLES = ['에서는', '에서', '으로', '에게', '까지', '부터', '에는', '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만'];
