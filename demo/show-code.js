// Shows, under each live example, the exact HTML to paste into a page: the example's own markup,
// read before the widgets start (this classic script runs before the module scripts), after the
// script tag that loads the widgets. Text only: the markup is shown with textContent. Addresses of files relative
// to the demo (`../data/…`) would not work once pasted elsewhere: they are shown as `/chemin/vers/<file>`, like the
// script's, with a note.
(function () {
  const script = '<script type="module" src="/chemin/vers/france-relance-widgets.js"></script>';
  const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'source', 'wbr']);
  /** Serialises markup as an author writes it: JSON attributes between single quotes. */
  function serialise(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentNode && node.parentNode.localName;
      return parent === 'script' ? node.data : node.data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const attrs = [...node.attributes]
      .map(function (a) {
        if (a.value === '') return ' ' + a.name;
        if ((a.name === 'src' || a.name === 'geometry') && /^\.\.?\//.test(a.value)) {
          return ' ' + a.name + '="/chemin/vers/' + a.value.split('/').pop() + '"';
        }
        const quote = a.value.includes('"') && !a.value.includes("'") ? "'" : '"';
        const value = quote === '"' ? a.value.replace(/"/g, '&quot;') : a.value;
        return ' ' + a.name + '=' + quote + value + quote;
      })
      .join('');
    const open = '<' + node.localName + attrs + '>';
    if (VOID.has(node.localName)) return open;
    return open + [...node.childNodes].map(serialise).join('') + '</' + node.localName + '>';
  }
  function dedent(text) {
    const lines = text.replace(/^\s*\n|\n\s*$/g, '').split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
    return lines.map((l) => l.slice(indent)).join('\n');
  }
  document.querySelectorAll('[data-snippet]').forEach(function (live, i) {
    const code = script + '\n\n' + dedent([...live.childNodes].map(serialise).join(''));
    const details = document.createElement('details');
    details.className = 'demo-snippet';
    const summary = document.createElement('summary');
    summary.textContent = live.getAttribute('data-snippet') || 'Code HTML à copier';
    const pre = document.createElement('pre');
    const codeEl = document.createElement('code');
    codeEl.id = 'snippet-' + (i + 1);
    codeEl.textContent = code;
    pre.append(codeEl);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'demo-copy';
    button.textContent = 'Copier le code';
    button.setAttribute('aria-describedby', codeEl.id);
    button.addEventListener('click', function () {
      navigator.clipboard?.writeText(code).then(
        function () {
          button.textContent = 'Code copié';
        },
        function () {
          button.textContent = 'Copie impossible : sélectionnez le code';
        },
      );
    });
    const note = document.createElement('p');
    note.className = 'demo-note';
    note.textContent =
      'Remplacez « /chemin/vers/ » par l’adresse où vous avez copié les fichiers sur votre site (le script, son dossier geo/ pour la carte, et vos données).';
    details.append(summary, note, pre, button);
    live.after(details);
  });
})();
