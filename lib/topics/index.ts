/** Topic suggestions. Pure modules, usable in extension pages and the background (tag names are in lib/tags). */
export { suggestTopics, suggestTopicsForHighlight, type SuggestOptions, type TopicSuggestion, type SuggestionSource } from './suggest';
export { buildLibraryStats, addToLibraryStats, emptyLibraryStats, type LibraryStats } from './library-stats';
export type { ArticleForTopics, HighlightForTopics } from './extract';
export { detectTopicLanguage, type TopicLanguage } from './language';
export { createTopicService, articleForTopics, type TopicService } from './service';
