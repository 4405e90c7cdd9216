/**
 * Tag input with autocomplete: a combobox (ARIA 1.2 pattern) over a listbox of
 * known tags ranked by frequent and recent use, chips for the chosen tags, and
 * optional suggested topics. Keyboard: ↓/↑ move, Enter adds, comma adds what
 * was typed (several at once when pasted), Backspace in an empty field removes
 * the last tag, Escape closes the list.
 */
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { TagUsage } from '@/lib/db/tags-ranking';
import { foldTagName, TAG_SEPARATORS } from '@/lib/tags/tag-names';
import { TAGS_PER_ITEM_MAX } from '@/lib/model/limits';
import { addTagNames, moveActive, splitTyped, tagOptions, type TagInputProblem, type TagOption } from './tag-input-model';

export interface TagInputProps {
  /** The chosen tag names. */
  value: readonly string[];
  onChange: (tags: string[]) => void;
  /** The user's tags with usage, for autocomplete and spelling. */
  known?: readonly TagUsage[];
  /** Topic suggestions (e.g. from lib/topics suggestTopics), offered as one-click chips. */
  suggestions?: readonly { name: string }[];
  max?: number;
  /** Overrides the visible label (default: "Tags"). */
  label?: string;
  autoFocus?: boolean;
}

const PROBLEM_KEYS = {
  empty: 'tagErrorEmpty',
  'too-long': 'tagErrorTooLong',
  'control-chars': 'tagErrorControlChars',
  'too-many': 'tagErrorTooMany',
} as const;

export function TagInput({ value, onChange, known = [], suggestions = [], max = TAGS_PER_ITEM_MAX, label, autoFocus }: TagInputProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<TagInputProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const options = useMemo(() => (open ? tagOptions(text, known, value) : []), [open, text, known, value]);
  const chosenKeys = useMemo(() => new Set(value.map(foldTagName)), [value]);
  const offered = suggestions.filter((s) => !chosenKeys.has(foldTagName(s.name)));
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-opt-${index}`;

  const add = (names: string[]) => {
    const result = addTagNames(value, names, known, max);
    setProblem(result.problem);
    if (result.added.length > 0) {
      onChange(result.tags);
      setAnnouncement(t('tagAdded', result.added.join(', ')));
    }
    return result;
  };
  const remove = (name: string) => {
    onChange(value.filter((tag) => tag !== name));
    setAnnouncement(t('tagRemoved', name));
    setProblem(null);
    input.current?.focus();
  };
  const choose = (option: TagOption) => {
    add([option.kind === 'tag' ? option.tag.name : option.name]);
    setText('');
    setActive(-1);
  };
  const commitTyped = (raw: string, force: boolean) => {
    const { complete, rest } = splitTyped(raw, force);
    if (complete.length > 0) add(complete);
    setText(rest);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      const count = open ? options.length : tagOptions(text, known, value).length;
      setOpen(true);
      setActive((current) => moveActive(open ? current : -1, count, key === 'ArrowDown' ? 1 : -1));
    } else if (key === 'Enter') {
      const option = open && active >= 0 ? options[active] : undefined;
      if (option) {
        event.preventDefault();
        choose(option);
      } else if (text.trim()) {
        event.preventDefault();
        commitTyped(text, true);
      }
    } else if (key === ',' || key === '，' || key === '、') {
      event.preventDefault();
      commitTyped(text, true);
    } else if (key === 'Backspace' && text === '' && value.length > 0) {
      event.preventDefault();
      remove(value[value.length - 1]!);
    } else if (key === 'Escape' && open) {
      // Close the list only; a surrounding popover closes on the next Escape.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div class="gloss-tag-input">
      <label class="gloss-tag-label" for={`${id}-field`}>
        {label ?? t('tagsLabel')}
      </label>
      {value.length > 0 && (
        <ul class="gloss-tag-chips" aria-label={label ?? t('tagsLabel')}>
          {value.map((name) => (
            <li class="gloss-tag-chip" key={name}>
              <span>{name}</span>
              <button type="button" class="gloss-tag-chip-remove" aria-label={t('tagRemove', name)} onClick={() => remove(name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="gloss-tag-combo">
        <input
          ref={input}
          id={`${id}-field`}
          type="text"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem !== null && problem !== 'too-many'}
          placeholder={t('tagInputPlaceholder')}
          value={text}
          onInput={(event) => {
            const raw = event.currentTarget.value;
            setOpen(true);
            setProblem(null);
            // A pasted "a, b, c" adds a and b at once and leaves c to finish.
            if (TAG_SEPARATORS.test(raw)) commitTyped(raw, false);
            else {
              setText(raw);
              setActive(-1);
            }
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            // Leaving the field keeps what was typed: it becomes a tag, as with Enter.
            if (text.trim()) commitTyped(text, true);
          }}
        />
        <ul id={listId} role="listbox" class="gloss-tag-options" aria-label={label ?? t('tagsLabel')} hidden={!expanded}>
          {expanded &&
            options.map((option, index) => (
              <li
                key={option.kind === 'tag' ? option.tag.nameKey : `create:${option.name}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                class={`gloss-tag-option${index === active ? ' is-active' : ''}`}
                // mousedown, not click: keep focus in the field.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option.kind === 'tag' ? (
                  <>
                    {option.tag.color && <span class="gloss-tag-dot" style={{ background: option.tag.color }} aria-hidden="true" />}
                    <span>{option.tag.name}</span>
                    <span class="gloss-tag-count">{option.tag.highlights + option.tag.articles}</span>
                  </>
                ) : (
                  t('tagCreate', option.name)
                )}
              </li>
            ))}
        </ul>
      </div>
      <p id={`${id}-hint`} class="gloss-tag-hint">
        {t('tagInputHint')}
      </p>
      {problem && (
        <p id={`${id}-problem`} class="gloss-tag-problem" role="alert">
          {problem === 'too-many' ? t(PROBLEM_KEYS[problem], max) : t(PROBLEM_KEYS[problem])}
        </p>
      )}
      {offered.length > 0 && (
        <div class="gloss-tag-suggestions" role="group" aria-label={t('tagSuggested')}>
          <span class="gloss-tag-suggestions-label" aria-hidden="true">
            {t('tagSuggested')}
          </span>
          {offered.map((suggestion) => (
            <button
              type="button"
              key={suggestion.name}
              class="gloss-tag-suggestion"
              aria-label={t('tagSuggestionAdd', suggestion.name)}
              onClick={() => add([suggestion.name])}
            >
              + {suggestion.name}
            </button>
          ))}
        </div>
      )}
      <span class="gloss-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
