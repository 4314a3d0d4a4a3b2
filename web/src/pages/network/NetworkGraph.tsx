// The network drawing: Cytoscape.js on a canvas. Nodes are sized by a measure
// and, when asked, coloured by their community; a found path is highlighted.
// A click on a node reports it to the page, which expands it.
//
// Content Security Policy: Cytoscape prepends a <style> element (one rule,
// `position: relative` on its container) unless an element with its id is
// already in the document. Our CSP allows no inline style, so the page places
// an empty, inert marker with that id first and app.css gives the container
// its position. Everything else Cytoscape draws goes on canvas or through the
// CSSOM, which the policy allows.

import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GraphEdge, GraphNode } from '../../api/types';

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function keepCytoscapeFromInjectingStyle(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.prepend(marker);
}

// Distinct colours that keep WCAG contrast against white labels' outline.
const COMMUNITY_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#b58840', '#912b88', '#28a197', '#f47738', '#505a5f', '#5694ca'];
const KIND_COLOUR = '#505a5f';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#0b0c0c',
    },
  },
  { selector: 'node.kind-phone, node.kind-account', style: { shape: 'round-rectangle' } },
  { selector: 'node.kind-place', style: { shape: 'diamond' } },
  { selector: 'node.kind-organisation', style: { shape: 'hexagon' } },
  { selector: 'edge', style: { width: 'data(weight)', 'line-color': '#b1b4b6', 'curve-style': 'bezier' } },
  { selector: 'edge.on-path', style: { 'line-color': '#0b0c0c', width: 6 } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#0b0c0c' } },
  { selector: '.selected-node', style: { 'border-width': 4, 'border-color': '#ffdd00' } },
  // Two periods compared: new in green, gone in red and dashed, kept in black, in neither faded.
  { selector: 'edge.slice-new', style: { 'line-color': '#00703c', width: 4 } },
  { selector: 'edge.slice-gone', style: { 'line-color': '#d4351c', 'line-style': 'dashed', width: 4 } },
  { selector: 'edge.slice-kept', style: { 'line-color': '#0b0c0c', width: 3 } },
  { selector: 'edge.slice-none', style: { opacity: 0.25 } },
  { selector: 'node.slice-new', style: { 'border-width': 4, 'border-color': '#00703c' } },
  { selector: 'node.slice-gone', style: { 'border-width': 4, 'border-color': '#d4351c', 'border-style': 'dashed' } },
  { selector: 'node.slice-kept', style: { 'border-width': 3, 'border-color': '#0b0c0c' } },
  { selector: 'node.slice-none', style: { opacity: 0.35 } },
];

export type SliceMark = 'new' | 'gone' | 'kept';

export interface DrawnGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Per entity id: the size measure (any scale) and the community. */
  size?: Map<number, number>;
  community?: Map<number, number>;
  /** Entity ids and edge keys of a path to highlight. */
  path?: { nodes: Set<number>; edges: Set<string> };
  selected?: number;
  /** Two periods compared: the status of each entity id and edge key; others are in neither. */
  comparison?: { nodes: Map<number, SliceMark>; edges: Map<string, SliceMark> };
}

export function edgeKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function elements(graph: DrawnGraph): ElementDefinition[] {
  const sizes = graph.size ? [...graph.size.values()] : [];
  const max = Math.max(1e-12, ...sizes);
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    const measure = graph.size?.get(n.id) ?? 0;
    const community = graph.community?.get(n.id);
    out.push({
      data: {
        id: String(n.id),
        label: n.label,
        kind: n.kind,
        size: 18 + 30 * Math.sqrt(measure / max),
        colour: community === undefined ? KIND_COLOUR : COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length],
      },
      classes: [
        graph.path?.nodes.has(n.id) ? 'on-path' : '',
        graph.selected === n.id ? 'selected-node' : '',
        graph.comparison ? `slice-${graph.comparison.nodes.get(n.id) ?? 'none'}` : '',
        `kind-${n.kind}`,
      ].join(' '),
    });
  }
  for (const e of graph.edges) {
    const key = edgeKey(e.source, e.target);
    out.push({
      data: { id: `e${key}`, source: String(e.source), target: String(e.target), label: e.types.join(', '), weight: Math.min(8, 1 + Math.log2(e.count)) },
      classes: [
        graph.path?.edges.has(key) ? 'on-path' : '',
        graph.comparison ? `slice-${graph.comparison.edges.get(key) ?? 'none'}` : '',
      ].join(' '),
    });
  }
  return out;
}

/** "new 1 gone 1 kept 2 none 0": how the drawn links are marked, for tests and screen readers. */
function countMarks(graph: DrawnGraph): string {
  const counts = { new: 0, gone: 0, kept: 0, none: 0 };
  for (const e of graph.edges) counts[graph.comparison?.edges.get(edgeKey(e.source, e.target)) ?? 'none'] += 1;
  return `new ${counts.new} gone ${counts.gone} kept ${counts.kept} none ${counts.none}`;
}

export function NetworkGraph({ graph, onSelect, label }: { graph: DrawnGraph; onSelect: (id: number) => void; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  // Cytoscape is loaded with the page that draws, not with the whole UI.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let instance: Core | undefined;
    import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !container.current) return;
      keepCytoscapeFromInjectingStyle();
      instance = cytoscape({
        container: container.current,
        elements: [],
        style: STYLE,
      });
      instance.on('tap', 'node', (event) => select.current(Number(event.target.id())));
      cy.current = instance;
      setReady(true);
    });
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().remove();
    instance.add(elements(graph));
    instance.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true }).run();
  }, [graph, ready]);

  return (
    <div
      class="network-canvas"
      ref={container}
      role="img"
      aria-label={label}
      data-testid="network-canvas"
      data-nodes={graph.nodes.length}
      data-edges={graph.edges.length}
      data-compared={graph.comparison ? countMarks(graph) : undefined}
    />
  );
}
