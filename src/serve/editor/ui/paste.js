// paste from Word or a web page: HTML to Markdown
