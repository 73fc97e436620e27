/** The claims JSON file as `marginalia claims --format json` and the Claims view write it (docs/format.md). */
export interface ClaimsJson {
  clusters: {
    id: string;
    mentions: { doc_id: string; start: number; end: number; text: string }[];
    supports: string[];
    contradicts: string[];
    articles: number;
    annotators: string[];
  }[];
}
