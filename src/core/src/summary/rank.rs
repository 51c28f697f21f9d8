//! Sentence ranking: position-aware directed centrality (after PacSum, Zheng & Lapata 2019) over
//! tf-idf cosine similarity, combined with a lead prior, title overlap and a length prior, then an
//! MMR-style greedy selection that penalises redundancy.
//!
//! Every score is a weighted sum of a few named features, so a choice can be explained.

/// Ranking weights. The defaults were tuned on the development split only (BBC News Summary and
/// the first 100 CNN/DailyMail rows); see `eval/summary.py`.
#[derive(Clone, Debug)]
pub struct Params {
    /// Edge threshold: an edge keeps `sim - (min + beta * (max - min))` when positive.
    pub beta: f32,
    /// Weight of edges to later sentences ("this sentence is elaborated later").
    pub lam_fwd: f32,
    /// Weight of edges to earlier sentences.
    pub lam_bwd: f32,
    /// Weight of the normalised centrality.
    pub w_cent: f32,
    /// Weight of the lead prior `exp(-position / lead_decay)`.
    pub w_lead: f32,
    pub lead_decay: f32,
    /// Bonus for the first sentence of a paragraph.
    pub w_para: f32,
    /// Weight of the share of title terms found in the sentence.
    pub w_title: f32,
    /// Redundancy penalty: `w_red * max cosine to an already chosen sentence`.
    pub w_red: f32,
    /// Sentences shorter than `short_words` or longer than `long_words` are penalised by `w_len`
    /// per missing/extra fraction.
    pub short_words: f32,
    pub long_words: f32,
    pub w_len: f32,
    /// Penalty for a sentence that starts with an unresolved pronoun (it would need context).
    pub pron_pen: f32,
    /// Weight of the extra length penalty of a pronoun sentence that needs its predecessor.
    pub w_unit: f32,
    /// Penalty for a question.
    pub q_pen: f32,
    /// Weights of the one-sentence TL;DR choice (its centrality uses edge threshold `t_beta`).
    pub t_beta: f32,
    pub t_cent: f32,
    pub t_lead: f32,
    pub t_title: f32,
    /// Light suffix stripping of terms (on by default; off only for ablation).
    pub stemming: bool,
    /// Stop adding points once the points hold `k` sentences (a point that took its previous
    /// sentence along then counts twice). Off: always `k` points when the article has them.
    /// Off by default; see `eval/summary.py --grid "sentence_budget=1"`.
    pub sentence_budget: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            beta: 0.0,
            lam_fwd: 1.0,
            lam_bwd: 0.3,
            w_cent: 0.6,
            w_lead: 1.0,
            lead_decay: 6.0,
            w_para: 0.0,
            w_title: 0.8,
            w_red: 0.5,
            short_words: 8.0,
            long_words: 45.0,
            w_len: 0.5,
            pron_pen: 0.2,
            w_unit: 1.0,
            q_pen: 0.2,
            t_beta: 0.0,
            t_cent: 1.0,
            t_lead: 0.5,
            t_title: 0.3,
            stemming: true,
            sentence_budget: false,
        }
    }
}

impl Params {
    /// Set one weight by name (used by the evaluation example to tune); false if unknown.
    #[doc(hidden)]
    pub fn set(&mut self, key: &str, v: f32) -> bool {
        let slot = match key {
            "stemming" => {
                self.stemming = v != 0.0;
                return true;
            }
            "sentence_budget" => {
                self.sentence_budget = v != 0.0;
                return true;
            }
            "beta" => &mut self.beta,
            "lam_fwd" => &mut self.lam_fwd,
            "lam_bwd" => &mut self.lam_bwd,
            "w_cent" => &mut self.w_cent,
            "w_lead" => &mut self.w_lead,
            "lead_decay" => &mut self.lead_decay,
            "w_para" => &mut self.w_para,
            "w_title" => &mut self.w_title,
            "w_red" => &mut self.w_red,
            "short_words" => &mut self.short_words,
            "long_words" => &mut self.long_words,
            "w_len" => &mut self.w_len,
            "pron_pen" => &mut self.pron_pen,
            "w_unit" => &mut self.w_unit,
            "q_pen" => &mut self.q_pen,
            "t_beta" => &mut self.t_beta,
            "t_cent" => &mut self.t_cent,
            "t_lead" => &mut self.t_lead,
            "t_title" => &mut self.t_title,
            _ => return false,
        };
        *slot = v;
        true
    }
}

/// What the ranker needs to know about one sentence.
pub struct SentFeat {
    /// Content terms as ids of the article's `Vocab` (in sentence order, repeats kept).
    pub terms: Vec<u32>,
    pub words: usize,
    pub pos_in_para: usize,
    pub dangling: bool,
    pub question: bool,
}

pub struct Ranked {
    /// Candidate sentence indices in MMR selection order (best first, `k + 8` at most).
    pub order: Vec<usize>,
    pub tldr: Option<usize>,
}

/// Sentences beyond this index get no centrality (keeps the similarity matrix small).
const MAX_MATRIX: usize = 400;

type Vector = Vec<(u32, f32)>;

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// The symmetric matrix (row-major, `vecs.len()` square) of cosine similarities.
///
/// Through an inverted index: each term adds its products only to the pairs of sentences that
/// share it, instead of merging every pair of vectors (most terms are in few sentences). The
/// products for a pair are added in ascending term order, as [`cosine`] adds them, so the
/// sums are the same to the bit.
fn similarities(vecs: &[Vector], n_terms: usize) -> Vec<f32> {
    let m = vecs.len();
    // Postings in one buffer: the sentences (ascending) holding each term, with its weight.
    let mut start = vec![0u32; n_terms + 1];
    for v in vecs {
        for &(t, _) in v {
            start[t as usize + 1] += 1;
        }
    }
    for t in 0..n_terms {
        start[t + 1] += start[t];
    }
    let mut fill = start.clone();
    let mut postings = vec![(0u32, 0.0f32); start[n_terms] as usize];
    for (i, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            postings[fill[t as usize] as usize] = (i as u32, w);
            fill[t as usize] += 1;
        }
    }
    // `next[t]`: the position in `t`'s postings just after the sentence being processed.
    let mut next = start;
    let mut sim = vec![0.0f32; m * m];
    for (i, v) in vecs.iter().enumerate() {
        let row = &mut sim[i * m..(i + 1) * m];
        for &(t, w) in v {
            let t = t as usize;
            next[t] += 1;
            for &(j, wj) in &postings[next[t] as usize..fill[t] as usize] {
                row[j as usize] += w * wj;
            }
        }
    }
    for i in 0..m {
        for j in (i + 1)..m {
            sim[j * m + i] = sim[i * m + j];
        }
    }
    sim
}

/// Unit tf-idf vectors (`(1 + ln tf) * ln(1 + n / df)`, sorted by term id) of the sentences.
fn vectors(sents: &[SentFeat], n_terms: usize) -> Vec<Vector> {
    // Document frequency: `last[t]` is the last sentence that counted term `t`.
    let mut df = vec![0u32; n_terms];
    let mut last = vec![usize::MAX; n_terms];
    for (i, s) in sents.iter().enumerate() {
        for &t in &s.terms {
            if last[t as usize] != i {
                last[t as usize] = i;
                df[t as usize] += 1;
            }
        }
    }
    let n = sents.len() as f32;
    let mut ids: Vec<u32> = Vec::new();
    sents
        .iter()
        .map(|s| {
            ids.clear();
            ids.extend_from_slice(&s.terms);
            // Not an insertion sort: one hostile "sentence" can hold thousands of terms.
            ids.sort_unstable();
            let mut out: Vector = Vec::with_capacity(ids.len());
            for &id in &ids {
                match out.last_mut() {
                    Some(last) if last.0 == id => last.1 += 1.0,
                    _ => out.push((id, 1.0)),
                }
            }
            for p in &mut out {
                p.1 = (1.0 + p.1.ln()) * (1.0 + n / df[p.0 as usize] as f32).ln();
            }
            let norm = out.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for p in &mut out {
                    p.1 /= norm;
                }
            }
            out
        })
        .collect()
}

fn minmax(xs: &mut [f32]) {
    let lo = xs.iter().cloned().fold(f32::INFINITY, f32::min);
    let hi = xs.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let span = hi - lo;
    for x in xs.iter_mut() {
        *x = if span > 1e-9 { (*x - lo) / span } else { 0.0 };
    }
}

/// Rank sentences and choose `k` of them plus a TL;DR. Term ids run below `n_terms`.
pub fn rank(
    sents: &[SentFeat],
    title_terms: &[u32],
    n_terms: usize,
    k: usize,
    p: &Params,
) -> Ranked {
    let n = sents.len();
    if n == 0 || k == 0 {
        return Ranked {
            order: Vec::new(),
            tldr: None,
        };
    }
    let vecs = vectors(sents, n_terms);
    let m = n.min(MAX_MATRIX);
    let sim = similarities(&vecs[..m], n_terms);
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    for i in 0..m {
        for &s in &sim[i * m + i + 1..(i + 1) * m] {
            lo = lo.min(s);
            hi = hi.max(s);
        }
    }
    let centrality = |beta: f32| -> Vec<f32> {
        let thr = if hi >= lo { lo + beta * (hi - lo) } else { 0.0 };
        let mut cent = vec![0.0f32; n];
        for i in 0..m {
            let mut c = 0.0;
            for j in 0..m {
                if i == j {
                    continue;
                }
                let e = (sim[i * m + j] - thr).max(0.0);
                c += if j > i { p.lam_fwd * e } else { p.lam_bwd * e };
            }
            cent[i] = c;
        }
        minmax(&mut cent[..m]);
        cent
    };
    let cent = centrality(p.beta);
    let tcent = if p.t_beta == p.beta {
        cent.clone()
    } else {
        centrality(p.t_beta)
    };

    let title_set: Vec<u32> = {
        let mut t = title_terms.to_vec();
        t.sort_unstable();
        t.dedup();
        t
    };
    let title_overlap = |s: &SentFeat| -> f32 {
        if title_set.is_empty() {
            return 0.0;
        }
        let hit = title_set
            .iter()
            .filter(|t| s.terms.iter().any(|x| x == *t))
            .count();
        hit as f32 / title_set.len() as f32
    };
    let len_pen_w = |w: usize| -> f32 {
        let w = w as f32;
        if w < p.short_words {
            p.w_len * (p.short_words - w) / p.short_words.max(1.0)
        } else if w > p.long_words {
            p.w_len * (w - p.long_words) / p.long_words.max(1.0)
        } else {
            0.0
        }
    };
    let usable = |s: &SentFeat| !s.terms.is_empty() && s.words >= 3;

    let mut base = vec![f32::NEG_INFINITY; n];
    let mut tl = vec![f32::NEG_INFINITY; n];
    for (i, s) in sents.iter().enumerate() {
        if !usable(s) {
            continue;
        }
        let lead = (-(i as f32) / p.lead_decay.max(0.01)).exp();
        let para = if s.pos_in_para == 0 { p.w_para } else { 0.0 };
        let title = title_overlap(s);
        let mut pen = len_pen_w(s.words);
        if s.dangling {
            pen += p.pron_pen;
        }
        if s.question {
            pen += p.q_pen;
        }
        base[i] = p.w_cent * cent[i] + p.w_lead * lead + para + p.w_title * title - pen;
        tl[i] = p.t_cent * tcent[i] + p.t_lead * lead + p.t_title * title
            - pen
            - if s.dangling { 1.0 } else { 0.0 };
    }

    let tldr = (0..n).filter(|&i| tl[i].is_finite()).max_by(|&a, &b| {
        tl[a]
            .partial_cmp(&tl[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.cmp(&a))
    });

    let pair_sim = |a: usize, b: usize| -> f32 {
        if a < m && b < m {
            sim[a * m + b]
        } else {
            cosine(&vecs[a], &vecs[b])
        }
    };
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < k + 8 {
        let mut best: Option<(usize, f32)> = None;
        for (i, &b) in base.iter().enumerate() {
            if !b.is_finite() || chosen.contains(&i) {
                continue;
            }
            let red = chosen
                .iter()
                .map(|&c| pair_sim(i, c))
                .fold(0.0f32, f32::max);
            let mut s = b - p.w_red * red;
            // A sentence opening with a pronoun brings its predecessor along (see `summarize`):
            // score the longer unit, unless the predecessor is already in.
            if sents[i].dangling && i > 0 {
                if chosen.contains(&(i - 1)) {
                    s += p.pron_pen;
                } else {
                    let both = sents[i].words + sents[i - 1].words;
                    s -= p.w_unit * (len_pen_w(both) - len_pen_w(sents[i].words));
                }
            }
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((i, s));
            }
        }
        match best {
            Some((i, _)) => chosen.push(i),
            None => break,
        }
    }
    Ranked {
        order: chosen,
        tldr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inverted-index matrix must equal pairwise [`cosine`] to the bit: the summary's
    /// choices (and ties) depend on exact values.
    #[test]
    fn similarities_equal_pairwise_cosine_bit_for_bit() {
        // Deterministic pseudo-random sentences over a small vocabulary (many shared terms).
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            seed >> 16
        };
        let n_terms = 40;
        let sents: Vec<SentFeat> = (0..60)
            .map(|_| {
                let len = 1 + next() as usize % 15;
                SentFeat {
                    terms: (0..len).map(|_| next() % n_terms).collect(),
                    words: len,
                    pos_in_para: 0,
                    dangling: false,
                    question: false,
                }
            })
            .collect();
        let vecs = vectors(&sents, n_terms as usize);
        let m = vecs.len();
        let sim = similarities(&vecs, n_terms as usize);
        let mut nonzero = 0;
        for i in 0..m {
            assert_eq!(sim[i * m + i], 0.0);
            for j in 0..m {
                if i != j {
                    let want = cosine(&vecs[i], &vecs[j]);
                    assert_eq!(sim[i * m + j].to_bits(), want.to_bits(), "pair {i},{j}");
                    nonzero += usize::from(want != 0.0);
                }
            }
        }
        assert!(nonzero > m, "the test vectors share terms");
    }
}
