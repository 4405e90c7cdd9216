/** Tag UI: input with autocomplete and suggestions, filter tree, manager. Styles: <TagStyles /> (or TAG_STYLES for a shadow root). */
export { TagInput, type TagInputProps } from './TagInput';
export { TagTree, type TagTreeProps } from './TagTree';
export { TagManager, type TagManagerActions, type TagManagerProps } from './TagManager';
export { TAG_COLOURS } from './tag-colours';
export { TAG_STYLES } from './styles';
export { TagStyles } from './TagStyles';
