import { TAG_STYLES } from './styles';

/** Puts the tag components' styles in the page once, wherever it is rendered. */
export function TagStyles() {
  return <style>{TAG_STYLES}</style>;
}
