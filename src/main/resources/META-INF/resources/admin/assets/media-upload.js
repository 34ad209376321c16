// The media library's upload: ask the service for a presigned POST policy, send the file straight to object storage
// (with a progress bar), then ask the service to check what arrived and show the result. Text is set with
// textContent only; the one image shown is the service's own rendition URL.
(function () {
  'use strict';
  var form = document.querySelector('form[data-media-upload]');
  var result = document.querySelector('[data-upload-result]');
  if (!form || !result) {
    return;
  }
  var progress = form.querySelector('progress');
  var token = form.querySelector('input[name=_csrf]').value;

  function say(text, problem) {
    var p = document.createElement('p');
    p.className = problem ? 'problem' : 'notice';
    p.textContent = text;
    result.appendChild(p);
  }

  function post(path, fields) {
    var data = new URLSearchParams();
    data.set('_csrf', token);
    Object.keys(fields).forEach(function (k) { data.set(k, fields[k]); });
    return fetch(path, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (reply) {
        return reply.json().catch(function () { return {}; }).then(function (json) {
          if (!reply.ok) {
            throw new Error((json && json.detail) || ('HTTP ' + reply.status));
          }
          return json;
        });
      });
  }

  function send(ticket, file) {
    return new Promise(function (resolve, reject) {
      var data = new FormData();
      Object.keys(ticket.fields).forEach(function (k) { data.append(k, ticket.fields[k]); });
      data.append('file', file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', ticket.uploadUrl);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round(e.loaded * 100 / e.total);
        }
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve();
        } else {
          reject(new Error('对象存储拒绝了文件（HTTP ' + xhr.status + '）'));
        }
      };
      xhr.onerror = function () { reject(new Error('无法连接对象存储')); };
      xhr.send(data);
    });
  }

  function show(view) {
    say('已校验：编号 ' + view.id + '（' + view.filename + '，' + view.size + ' 字节）；在正文中写 upload:' + view.id + ' 引用。');
    if (view.images && view.images.length) {
      var img = document.createElement('img');
      img.src = view.images[0].url;
      img.alt = view.filename;
      img.className = 'poster';
      result.appendChild(img);
    } else if (view.kind === 'IMAGE' || view.kind === 'image') {
      say('各尺寸版本正在生成（状态：' + (view.renditions || '处理中') + '），稍后刷新即可看到。');
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.querySelector('input[type=file]').files[0];
    if (!file) {
      return;
    }
    var kind = form.querySelector('select[name=kind]').value;
    result.textContent = '';
    progress.hidden = false;
    progress.value = 0;
    post('/admin/media/uploads', { kind: kind, filename: file.name, size: String(file.size),
      contentType: file.type || 'application/octet-stream' })
      .then(function (ticket) {
        return send(ticket, file).then(function () { return post('/admin/media/uploads/' + ticket.id + '/complete', {}); });
      })
      .then(show)
      .catch(function (e) { say('上传失败：' + e.message, true); });
  });
}());
