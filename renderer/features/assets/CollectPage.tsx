import { Alert, Anchor, Button, Card, FileButton, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ASSET_TYPES, type AssetType } from '../../../common/domain/vocabulary.js';
import { parseCollectionFile } from '../../../common/inventory/collection-file.js';
import { blankAsset, diffAsset, type CollectedField } from '../../../common/inventory/diff.js';
import { matchCollection, type MatchNote, type MatchResult } from '../../../common/inventory/match.js';
import type { CollectedInventory } from '../../../common/ipc/types.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxQuery } from '../../db/use-rx.js';
import { useT, type TFunction } from '../../i18n/index.js';
import { CollectDiffTable } from './CollectDiffTable.js';
import { canCollectHere, collectThisComputer } from './collect-service.js';
import { useAssetCommands } from './use-asset-commands.js';

const NEW = '__new__';

function noteText(t: TFunction, note: MatchNote): string {
  if (note.code === 'duplicate') return t('assets.collect.note.duplicate', { count: note.count, rule: t(`assets.collect.rule.${note.rule}`) });
  if (note.code === 'hostname_changed') return t('assets.collect.note.hostname_changed', { from: note.from, to: note.to });
  return t(`assets.collect.note.${note.code}`);
}

type Loaded = { collection: CollectedInventory; source: 'bridge' | 'file' };

/** `/assets/collect`: collect (or import) → proposed match → diff with checkboxes → apply. */
export function CollectPage() {
  const t = useT();
  const db = useDatabase();
  const commands = useAssetCommands();
  const bridge = canCollectHere();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ asset: Asset; count: number } | null>(null);
  const { docs: contracts } = useRxQuery<Contract>(() => db.contracts.find({ sort: [{ code: 'asc' }] }), [db]);
  // Matching reads every stored asset once per collection; the rules compare several identifiers.
  const { docs: assets, loading: assetsLoading } = useRxQuery<Asset>(() => (loaded ? db.assets.find() : null), [db, loaded]);

  // No proposal until the stored assets are read: matching an empty list would offer "new asset"
  // for a moment and then switch to the real match under the user's hands.
  const match: MatchResult | null = useMemo(() => (loaded && !assetsLoading ? matchCollection(loaded.collection, assets) : null), [loaded, assetsLoading, assets]);
  const [target, setTarget] = useState<string | null>(null);
  const targetId = target ?? match?.assetId ?? NEW;
  const [contractId, setContractId] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [type, setType] = useState<AssetType>('desktop');
  const chosenContract = contractId ?? contracts[0]?.id ?? null;
  const byId = useMemo(() => new Map(assets.map((asset) => [asset.id, asset])), [assets]);

  const changes = useMemo(() => {
    if (!loaded) return [];
    const stored = targetId === NEW ? blankAsset({ id: 'new', contractId: chosenContract ?? '', tag: 'new', type }, new Date()) : byId.get(targetId);
    return stored ? diffAsset(stored, loaded.collection) : [];
  }, [loaded, targetId, byId, chosenContract, type]);
  const [unticked, setUnticked] = useState<ReadonlySet<CollectedField>>(new Set());
  const accepted = useMemo(() => new Set(changes.map((change) => change.field).filter((field) => !unticked.has(field))), [changes, unticked]);

  const start = (next: Loaded) => {
    setLoaded(next);
    setTarget(null);
    setUnticked(new Set());
    setDone(null);
    setProblem(null);
  };
  const collect = async () => {
    setBusy(true);
    const result = await collectThisComputer();
    setBusy(false);
    if (result.ok) start({ collection: result.value, source: 'bridge' });
    else setProblem(t('assets.collect.failed', { message: result.error.message }));
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    const parsed = parseCollectionFile(await file.text());
    if (parsed.ok) start({ collection: parsed.value, source: 'file' });
    else setProblem(t('assets.collect.badFile', { message: parsed.issue.message, path: parsed.issue.path || '/' }));
  };
  const apply = async () => {
    if (!loaded || !match) return;
    const result = await commands.applyCollection({
      collection: loaded.collection,
      source: loaded.source,
      match,
      target: targetId === NEW ? { kind: 'new', contractId: chosenContract ?? '', tag, type } : { kind: 'existing', assetId: targetId },
      accepted: [...accepted],
    });
    if (result.ok) setDone({ asset: result.value.asset, count: (result.value.event.data['changes'] as unknown[]).length });
    else setProblem(t('assets.collect.error', { message: result.error.path ? `${result.error.path}: ${result.error.message}` : result.error.message }));
  };

  const options = [
    ...(match ? [match.assetId, ...match.alternatives].filter((id): id is string => id !== null) : []).map((id) => ({ value: id, label: byId.get(id)?.tag ?? id })),
    { value: NEW, label: t('assets.collect.newAsset') },
  ];
  const summary = loaded?.collection.summary;

  return (
    <Stack gap="md" p="md" maw={1100}>
      <Title order={2}>{t('assets.collect.title')}</Title>
      {!bridge && (
        <Alert color="blue" data-testid="collect-no-bridge">
          {t('assets.collect.noBridge')}
        </Alert>
      )}
      <Group>
        {bridge && (
          <Button onClick={() => void collect()} loading={busy} data-testid="collect-run">
            {t('assets.collect.run')}
          </Button>
        )}
        <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
          {(props) => (
            <Button variant={bridge ? 'default' : 'filled'} {...props} data-testid="collect-import">
              {t('assets.collect.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {busy && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('assets.collect.running')}</Text>
        </Group>
      )}
      {problem && <Alert color="red">{problem}</Alert>}
      {loaded && summary && match && (
        <>
          <Text size="sm" c="dimmed" data-testid="collect-machine">
            {t('assets.collect.machine', {
              hostname: summary.hostname,
              manufacturer: summary.system.manufacturer ?? '—',
              model: summary.system.model ?? '',
              serial: summary.system.serial ?? '—',
              software: loaded.collection.software.length,
            })}
          </Text>
          <Card withBorder data-testid="collect-match">
            <Title order={5} mb="xs">
              {t('assets.collect.match')}
            </Title>
            <Text data-testid="collect-match-rule" data-rule={match.rule}>
              {match.assetId
                ? t('assets.collect.matched', { tag: byId.get(match.assetId)?.tag ?? match.assetId, rule: t(`assets.collect.rule.${match.rule}`), confidence: Math.round(match.confidence * 100) })
                : t('assets.collect.noMatch')}
            </Text>
            {match.notes.map((note) => (
              <Text key={note.code} size="sm" c="orange">
                {noteText(t, note)}
              </Text>
            ))}
            <Group mt="sm" align="flex-end">
              <Select label={t('assets.collect.target')} data={options} value={targetId} onChange={(value) => setTarget(value ?? NEW)} allowDeselect={false} data-testid="collect-target" />
              {targetId === NEW && (
                <>
                  <Select
                    label={t('assets.field.contract')}
                    data={contracts.map((contract) => ({ value: contract.id, label: contract.code }))}
                    value={chosenContract}
                    onChange={setContractId}
                    allowDeselect={false}
                    data-testid="collect-contract"
                  />
                  <TextInput label={t('assets.collect.tag')} value={tag} onChange={(event) => setTag(event.currentTarget.value)} data-testid="collect-tag" />
                  <Select label={t('assets.field.type')} data={ASSET_TYPES.map((value) => ({ value, label: t(`assets.type.${value}`) }))} value={type} onChange={(value) => setType(value ?? 'desktop')} allowDeselect={false} />
                </>
              )}
            </Group>
          </Card>
          <Card withBorder>
            <Title order={5} mb="xs">
              {t('assets.collect.diff')}
            </Title>
            {changes.length === 0 ? (
              <Text c="dimmed">{t('assets.collect.noChanges')}</Text>
            ) : (
              <CollectDiffTable
                changes={changes}
                accepted={accepted}
                onToggle={(field, on) =>
                  setUnticked((current) => {
                    const next = new Set(current);
                    if (on) next.delete(field);
                    else next.add(field);
                    return next;
                  })
                }
              />
            )}
            <Group mt="md">
              <Button onClick={() => void apply()} disabled={done !== null} data-testid="collect-apply">
                {t('assets.collect.apply')}
              </Button>
              {done && (
                <Text c="green" data-testid="collect-done">
                  {t('assets.collect.applied', { tag: done.asset.tag, count: done.count })}{' '}
                  <Anchor component={Link} to={`/assets/${done.asset.id}`}>
                    {t('assets.collect.open')}
                  </Anchor>
                </Text>
              )}
            </Group>
          </Card>
        </>
      )}
    </Stack>
  );
}
