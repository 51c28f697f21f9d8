// Maps fuzzer bytes to a wire snapshot (text, UTF-16 lengths, node table) for
// `decant_core::wire::decode_into`. Shared by the `wire` fuzz target and the regression test
// (`include!`d by both). The first byte picks raw mode (every number as the fuzzer wrote it,
// to test the decoder's checks) or shaped mode (numbers folded into plausible ranges, so that
// most inputs decode and the analysis runs over odd trees).

/// `(text, lens, tree)` from fuzzer bytes.
pub fn wire_input(data: &[u8]) -> (String, Vec<u32>, Vec<u32>) {
    let Some((&mode, rest)) = data.split_first() else {
        return (String::new(), Vec::new(), Vec::new());
    };
    let raw = mode & 1 == 1;
    let nodes = usize::from(mode >> 1);
    let mut words = rest
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    let mut tree = Vec::new();
    let mut lens = Vec::new();
    // Shaped mode: parents among the document (id 0) and the elements so far (node k is id k + 1).
    let mut elements = vec![0u32];
    for k in 0..nodes {
        let (Some(parent), Some(kind)) = (words.next(), words.next()) else {
            break;
        };
        if raw {
            tree.extend([parent, kind]);
        } else {
            let kind = if kind % 4 == 0 { u32::MAX } else { kind % 4 };
            tree.extend([elements[parent as usize % elements.len()], kind]);
            if kind != u32::MAX {
                elements.push(k as u32 + 1);
            }
        }
    }
    let strings = tree.chunks(2).map(|r| {
        if r[1] == u32::MAX {
            1
        } else {
            1 + 2 * r[1] as usize
        }
    });
    let wanted: usize = strings.sum();
    for _ in 0..wanted.min(4096) {
        let Some(w) = words.next() else { break };
        lens.push(w);
    }
    let used = 1 + 4 * (tree.len() + lens.len());
    let text = String::from_utf8_lossy(&data[used.min(data.len())..]).into_owned();
    if !raw {
        // Short pieces that fit the text (a piece may still split a surrogate pair).
        let mut left = text.encode_utf16().count() as u32;
        for len in &mut lens {
            *len = (*len % 12).min(left);
            left -= *len;
        }
    }
    (text, lens, tree)
}
