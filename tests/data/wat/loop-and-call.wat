(module
  (type (;0;) (func (param i32 i64 i64 i64) (result i64)))
  (type (;1;) (func (param i64) (result i32)))
  (type (;2;) (func (param i64 i64) (result i64)))
  (type (;3;) (func (result i64)))
  (type (;4;) (func (param i64 i64 i64) (result i64)))
  (type (;5;) (func (param i64 i64 i64 i32) (result i64)))
  (type (;6;) (func (param i64 i64) (result i64)))
  (type (;7;) (func (param i64 i64 i64) (result i64)))
  (import "cbot" "op" (func (;0;) (type 0) (param i32 i64 i64 i64) (result i64)))
  (table (;0;) 3 3 funcref)
  (global (;0;) (mut i32) i32.const 0)
  (export "panel0" (func 21))
  (export "call" (func 18))
  (export "loc" (global 0))
  (elem (;0;) (table 0) (i32.const 0) func 17 19 22)
  (func (;1;) (type 1) (param i64) (result i32)
    local.get 0
    i64.const -1407374883553279
    i64.eq
    if ;; label = @1
      i32.const 1
      return
    end
    local.get 0
    i64.const -1407374883553280
    i64.eq
    if ;; label = @1
      i32.const 0
      return
    end
    local.get 0
    i64.const -1970324836974592
    i64.eq
    if ;; label = @1
      i32.const 0
      return
    end
    local.get 0
    i64.const -1688849860263936
    i64.eq
    if ;; label = @1
      i32.const 0
      return
    end
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    if ;; label = @1
      local.get 0
      f64.reinterpret_i64
      f64.const 0x0p+0 (;=0;)
      f64.ne
      local.get 0
      f64.reinterpret_i64
      local.get 0
      f64.reinterpret_i64
      f64.eq
      i32.and
      return
    end
    i32.const 43
    local.get 0
    i64.const 0
    i64.const 0
    call 0
    i64.const -1407374883553279
    i64.eq
  )
  (func (;2;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.add
      i64.reinterpret_f64
    else
      i32.const 1
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;3;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.sub
      i64.reinterpret_f64
    else
      i32.const 2
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;4;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.mul
      i64.reinterpret_f64
    else
      i32.const 3
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;5;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.div
      i64.reinterpret_f64
    else
      i32.const 4
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;6;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.lt
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
    else
      i32.const 10
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;7;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.gt
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
    else
      i32.const 11
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;8;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.le
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
    else
      i32.const 12
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;9;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.ge
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
    else
      i32.const 13
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;10;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.eq
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
      return
    end
    local.get 0
    local.get 1
    i64.eq
    if ;; label = @1
      i64.const -1407374883553279
      return
    end
    local.get 0
    i64.const -281474976710656
    i64.and
    i64.const -1125899906842624
    i64.ne
    if ;; label = @1
      i64.const -1407374883553280
      return
    end
    local.get 1
    i64.const -281474976710656
    i64.and
    i64.const -1125899906842624
    i64.ne
    if ;; label = @1
      i64.const -1407374883553280
      return
    end
    i32.const 8
    local.get 0
    local.get 1
    i64.const 0
    call 0
  )
  (func (;11;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.eq
      i64.extend_i32_u
      i64.const -1407374883553280
      i64.or
      return
    end
    local.get 0
    local.get 1
    i64.eq
    if ;; label = @1
      i64.const -1407374883553279
      return
    end
    i32.const 6
    local.get 0
    local.get 1
    i64.const 0
    call 0
  )
  (func (;12;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.add
      i64.reinterpret_f64
    else
      i32.const 36
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;13;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.add
      i64.reinterpret_f64
    else
      i32.const 37
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;14;) (type 2) (param i64 i64) (result i64)
    local.get 0
    i64.const -1970324836974592
    i64.lt_u
    local.get 1
    i64.const -1970324836974592
    i64.lt_u
    i32.and
    if (result i64) ;; label = @1
      local.get 0
      f64.reinterpret_i64
      local.get 1
      f64.reinterpret_i64
      f64.add
      i64.reinterpret_f64
    else
      i32.const 38
      local.get 0
      local.get 1
      i64.const 0
      call 0
    end
  )
  (func (;15;) (type 4) (param i64 i64 i64) (result i64)
    i32.const 71
    local.get 0
    local.get 1
    local.get 2
    call 0
  )
  (func (;16;) (type 4) (param i64 i64 i64) (result i64)
    i32.const 72
    local.get 0
    local.get 1
    local.get 2
    call 0
  )
  (func (;17;) (type 4) (param i64 i64 i64) (result i64)
    i32.const 65
    local.get 0
    local.get 1
    local.get 2
    call 0
  )
  (func (;18;) (type 5) (param i64 i64 i64 i32) (result i64)
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call_indirect (type 4)
  )
  (func (;19;) (type 4) (param i64 i64 i64) (result i64)
    i64.const -1970324836974592
  )
  (func (;20;) (type 7) (param i64 i64 i64) (result i64)
    (local i64)
    i32.const 21
    global.set 0
    local.get 2
    local.get 2
    call 4
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    return
    i64.const -1970324836974592
  )
  (func (;21;) (type 3) (result i64)
    (local i64 i64 i64 i64 i64 i64 i64)
    i64.const -1970324836974592
    local.set 0
    i64.const -1970324836974592
    local.set 1
    i64.const -1970324836974592
    local.set 2
    i64.const 2
    i64.const -1970324836974592
    local.set 4
    local.set 3
    i32.const 27
    local.get 3
    local.get 4
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    local.tee 1
    drop
    i32.const 37
    global.set 0
    i64.const 0
    local.tee 2
    drop
    i32.const 52
    global.set 0
    i64.const 0
    local.tee 0
    drop
    block ;; label = @1
      loop ;; label = @2
        local.get 0
        local.set 3
        i64.const 4616189618054758400
        local.set 4
        local.get 3
        i64.const -1970324836974592
        i64.lt_u
        local.get 4
        i64.const -1970324836974592
        i64.lt_u
        i32.and
        if (result i32) ;; label = @3
          local.get 3
          f64.reinterpret_i64
          local.get 4
          f64.reinterpret_i64
          f64.lt
        else
          local.get 3
          local.get 4
          call 6
          local.tee 5
          i64.const -844424930131968
          i64.eq
          if ;; label = @4
            i64.const -844424930131968
            return
          end
          local.get 5
          i64.const -1407374883553279
          i64.eq
        end
        i32.eqz
        br_if 1 (;@1;)
        block ;; label = @3
          i32.const 82
          global.set 0
          local.get 2
          local.get 1
          i64.const -1970324836974592
          local.get 0
          call 20
          local.tee 3
          i64.const -844424930131968
          i64.eq
          if ;; label = @4
            i64.const -844424930131968
            return
          end
          local.get 3
          call 2
          local.tee 3
          i64.const -844424930131968
          i64.eq
          if ;; label = @4
            i64.const -844424930131968
            return
          end
          local.get 3
          local.tee 2
          drop
        end
        local.get 0
        local.tee 3
        i64.const -1970324836974592
        i64.lt_u
        if (result i64) ;; label = @3
          local.get 3
        else
          local.get 3
          local.set 4
          i32.const 42
          local.get 4
          i64.const 0
          i64.const 0
          call 0
          local.tee 4
          i64.const -844424930131968
          i64.eq
          if ;; label = @4
            i64.const -844424930131968
            return
          end
          local.get 4
        end
        local.tee 6
        i64.const 4607182418800017408
        call 2
        local.tee 3
        i64.const -844424930131968
        i64.eq
        if ;; label = @3
          i64.const -844424930131968
          return
        end
        local.get 3
        local.tee 0
        drop
        local.get 6
        drop
        br 0 (;@2;)
      end
    end
    i32.const 104
    global.set 0
    i64.const -1124800395214848
    local.tee 3
    i64.const -1970324836974592
    i64.eq
    local.get 3
    i64.const -1688849860263936
    i64.eq
    i32.or
    if ;; label = @1
      local.get 3
      i64.const -1124800395214805
      local.set 5
      local.set 4
      i32.const 35
      local.get 4
      local.get 5
      i64.const 0
      call 0
      local.tee 4
      i64.const -844424930131968
      i64.eq
      if ;; label = @2
        i64.const -844424930131968
        return
      end
      local.get 4
      drop
    end
    local.get 3
    i64.const -1124800395214805
    i64.const 4
    local.set 3
    i32.const 45
    local.get 3
    i64.const 0
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    i64.const -1124800395214804
    local.set 4
    local.set 3
    i32.const 15
    local.get 3
    local.get 4
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    local.get 2
    local.set 4
    local.set 3
    i32.const 15
    local.get 3
    local.get 4
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    i64.const -1407374883553279
    local.set 4
    local.set 3
    i32.const 15
    local.get 3
    local.get 4
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    i64.const -1407374883553280
    local.set 4
    local.set 3
    i32.const 15
    local.get 3
    local.get 4
    i64.const 0
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    local.set 5
    local.set 4
    local.set 3
    i32.const 61
    local.get 3
    local.get 4
    local.get 5
    call 0
    local.tee 3
    i64.const -844424930131968
    i64.eq
    if ;; label = @1
      i64.const -844424930131968
      return
    end
    local.get 3
    drop
    i64.const -1970324836974592
  )
  (func (;22;) (type 4) (param i64 i64 i64) (result i64)
    local.get 0
    local.get 1
    i32.const 14
    local.get 2
    i64.const 0
    i64.const 0
    call 0
    call 20
  )
)
