import { Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/index.js';
import { createScanBuffer, type ScanBuffer, type ScanCommit } from './scan-buffer.js';
import './messages.js';

export type ScanSource = 'scanner' | 'keyboard' | 'paste';

export interface ScanInputProps {
  /** Called synchronously for every committed tag (already normalised). */
  readonly onScan: (tag: string, source: ScanSource, commit: ScanCommit) => void;
  readonly disabled?: boolean;
  readonly autoFocus?: boolean;
  /** Rows shown under "Last scans", newest first; by default the component lists its own last tags. */
  readonly recent?: readonly { readonly key: string; readonly tag: string; readonly badge?: ReactNode }[];
  readonly recentLimit?: number;
  readonly testId?: string;
}

/**
 * A field for keyboard-wedge scanners and typed tags. The characters live in a ref-held buffer
 * (see scan-buffer.ts) and the input's text is written straight to the DOM: a 2 ms-per-key burst
 * never waits for a React render, so nothing is dropped. Only a committed tag touches React state.
 */
export function ScanInput({ onScan, disabled, autoFocus = true, recent, recentLimit = 8, testId = 'scan-input' }: ScanInputProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const onScanRef = useRef(onScan);
  const pasteRef = useRef(false);
  const [own, setOwn] = useState<{ key: string; tag: string; source: ScanSource }[]>([]);
  const bufferRef = useRef<ScanBuffer | null>(null);
  const counterRef = useRef(0);

  // Made on the first key (event handlers only, never during render); one per field.
  const buffer = (): ScanBuffer => {
    bufferRef.current ??= createScanBuffer({
      onCommit: (commit) => {
        const source: ScanSource = pasteRef.current ? 'paste' : commit.burst ? 'scanner' : 'keyboard';
        counterRef.current += 1;
        const key = `${counterRef.current}`;
        setOwn((list) => [{ key, tag: commit.tag, source }, ...list].slice(0, 50));
        onScanRef.current(commit.tag, source, commit);
      },
    });
    return bufferRef.current;
  };

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  const show = () => {
    if (inputRef.current) inputRef.current.value = buffer().text();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // `event.key` is the character the active layout produced; `code`/`keyCode` are never read.
    const outcome = buffer().handleKey({
      key: event.key,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      isComposing: event.nativeEvent.isComposing,
      timeStamp: event.timeStamp,
    });
    if (outcome === 'consumed' || outcome === 'commit') {
      event.preventDefault();
      show();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    pasteRef.current = true;
    try {
      buffer().handleText(event.clipboardData.getData('text'), event.timeStamp);
    } finally {
      pasteRef.current = false;
    }
    show();
  };

  const rows = (recent ?? own.map((item) => ({ key: item.key, tag: item.tag, badge: <Badge variant="light" color="gray">{t(`scanInput.${item.source}`)}</Badge> }))).slice(0, recentLimit);

  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        label={t('scanInput.label')}
        placeholder={t('scanInput.placeholder')}
        leftSection={<IconBarcode size={18} />}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        // The buffer owns the text; a stray input event (IME, drag) is overwritten by it.
        onChange={show}
        disabled={disabled}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        size="md"
      />
      <Paper withBorder p="xs" radius="md">
        <Text fz="xs" c="dimmed" mb={4}>
          {t('scanInput.recent')}
        </Text>
        {rows.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('scanInput.none')}
          </Text>
        ) : (
          <Stack gap={2} data-testid={`${testId}-recent`}>
            {rows.map((row) => (
              <Group key={row.key} gap="xs" wrap="nowrap">
                <Text ff="monospace" fz="sm">
                  {row.tag}
                </Text>
                {row.badge}
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
