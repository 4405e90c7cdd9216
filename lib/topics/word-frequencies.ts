/**
 * A small built-in background: words common in news of each language, with
 * the share of articles that use them (rough figures from reading news, not a
 * measured corpus). They act as extra documents in the IDF, so `工作`, `群众`
 * or `government` score low even while the user's own library is small.
 */
import type { TopicLanguage } from './language';
import { pluralStem } from '../text/stem';

/** How many pseudo-documents the background stands for, against the user's articles. */
export const BACKGROUND_DOCUMENTS = 200;

const ZH: Record<string, string> = {
  '0.5': '工作 发展 建设 记者 群众 中国 全国 国家 社会 经济 服务 管理 提升 企业 政府',
  '0.3': `部门 政策 干部 领导 重点 全面 活动 提高 促进 坚持 落实 要求 情况 项目 单位 人员 时间 基础 有效 成功 解决 人民 市场
城市 地区 负责人 乡镇 社区 党员 质量 高质量 问题 组织 主要 保障 推广 工程 创新 机制 体系 能力 水平 安全 改革 环境
精神 意识 思想 教育 文化 生活 群体 家庭 参与 召开 会议 举行 组织 开展 形成 成为 取得 进一步 努力 充分 深入 明确 增强`,
  '0.15': `生态 农村 乡村 振兴 民生 医疗 就业 收入 投资 产业 项目 基层 治理 政务 数字化 科技 合作 交流 调查 调研 宣传 宣讲 干部群众
纠纷 矛盾 信息 平台 资金 政府部门 县级 市级 省级 村民 居民 学生 学校 老师 医院 公司 集团 公司 旅游 交通 文明 党建`,
};

const JA: Record<string, string> = {
  '0.5': '日本 政府 記者 会見 発表 問題 社会',
  '0.3': '企業 経済 市場 国内 海外 首相 大臣 地域 関係 必要 対応 影響 状況 調査 結果 可能',
};

const KO: Record<string, string> = {
  '0.5': '정부 한국 기자 사회 경제 문제',
  '0.3': '대통령 국회 시장 기업 지역 관계자 계획 상황 발표 조사 결과 필요 대응 영향',
};

const EN: Record<string, string> = {
  '0.5': 'people government state first two three new year city country world news report',
  '0.3': `president official officials public company companies week month home family life work school police
group part number program plan policy money market house law call called including national local million billion
since former support need show shows showed end statement spokesman spokeswoman interview`,
  '0.2': `able across actually agree allow almost already answer area around away bad become begin believe best better big
bring build buy came case change check child come continue control cost course create cut deal decide different
do early easy enough expect experience face fact fall far feel find follow free front full game give go going good great
hand happen hard have head hear help high hold hope idea important keep kind know large late lead learn leave level
line little live long look lose lot love low main matter mean meet mind move much need next nothing offer open
order pay person place play point possible power problem pull question quite read real reason remain result return
right run second seem sense set short side simple sit small sort start stay step stop story sure system take talk
tell term thing think top try turn understand want watch whole win word world write wrong`,
};

function load(table: Record<string, string>, stem: (word: string) => string = (word) => word): Map<string, number> {
  const map = new Map<string, number>();
  for (const [share, words] of Object.entries(table)) {
    for (const word of words.split(/\s+/u).filter(Boolean)) map.set(stem(word), Number(share));
  }
  return map;
}

let cache: Map<TopicLanguage, Map<string, number>> | null = null;

/** The share of news articles using the term (by candidate key), or 0 when unknown. */
export function backgroundShare(language: TopicLanguage, key: string): number {
  if (!cache) {
    cache = new Map([
      ['zh', load(ZH)],
      ['ja', load(JA)],
      ['ko', load(KO)],
      ['en', load(EN, pluralStem)],
    ]);
  }
  return cache.get(language)!.get(key) ?? 0;
}
