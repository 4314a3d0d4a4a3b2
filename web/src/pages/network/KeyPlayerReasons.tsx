// Why an entity ranks as a key player, in the reader's language: the server
// sends each reason as English text with a code, and the counts it rests on;
// the page words the reasons it knows from the codes (with singular and
// plural), and shows the server's text for any other.

import type { KeyPlayer } from '../../api/types';
import { useI18n } from '../../i18n';

export function KeyPlayerReasons({ player }: { player: KeyPlayer }) {
  const { t, tn, formatNumber } = useI18n();
  const word = (code: string | undefined, text: string): string => {
    const percent = /top (\d+)%/.exec(text)?.[1];
    switch (code) {
      case 'evidence':
        return t('network.reason.evidence', {
          links: tn('network.reason.links', player.links),
          sources: tn('network.reason.sources', player.source_records),
          confidence: formatNumber(player.mean_confidence, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        });
      case 'identifiers':
        return tn('network.reason.identifiers', player.identifiers.length);
      case 'ties':
        return tn('network.reason.ties', player.entity.degree);
      case 'betweenness':
        return percent ? t('network.reason.betweenness', { percent }) : text;
      case 'pagerank':
        return percent ? t('network.reason.pagerank', { percent }) : text;
      case 'tier_key_leader':
        return t('network.reason.tierKeyLeader');
      case 'tier_regional_leader_death':
        return t('network.reason.tierRegionalLeaderDeath');
      case 'tier_finances':
        return t('network.reason.tierFinances');
      default:
        return text;
    }
  };
  return (
    <ul class="hint" data-testid={`reasons-${player.entity.id}`}>
      {player.reasons.map((r, i) => (
        <li key={r}>{word(player.reason_codes[i], r)}</li>
      ))}
    </ul>
  );
}
